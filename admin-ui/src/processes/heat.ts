/**
 * Heatmap buckets: how busy an activity is relative to the busiest one. Linear, because an
 * operator reads "a quarter as many passed here", and five colours are enough to see a hot path.
 */

/** Marker classes `heat-0` … `heat-4`. */
export const HEAT_LEVELS = 5;

/**
 * 0 when nothing passed; otherwise 1 to 4 for up to a quarter, a half, three quarters or all
 * of `max` (the busiest activity's count).
 */
export function heatBucket(passed: number, max: number): number {
  if (!(passed > 0) || !(max > 0)) {
    return 0;
  }
  return Math.min(HEAT_LEVELS - 1, Math.max(1, Math.ceil((passed * (HEAT_LEVELS - 1)) / max)));
}

/** Bucket per activity id, for every activity in `passedById`. */
export function heatBuckets(passedById: ReadonlyMap<string, number>): Map<string, number> {
  const max = Math.max(0, ...passedById.values());
  return new Map([...passedById].map(([id, passed]) => [id, heatBucket(passed, max)]));
}

export interface HeatLegendEntry {
  bucket: number;
  /** Smallest count in the bucket. */
  from: number;
  /** Largest count in the bucket. */
  to: number;
}

/**
 * The counts each bucket covers, e.g. for 1200: 0, 1–300, 301–600, 601–900, 901–1200. Buckets
 * that no whole count falls into (small maxima) are left out.
 */
export function heatLegend(max: number): HeatLegendEntry[] {
  const legend: HeatLegendEntry[] = [{ bucket: 0, from: 0, to: 0 }];
  const steps = HEAT_LEVELS - 1;
  for (let bucket = 1; bucket <= steps && max > 0; bucket++) {
    const from = Math.floor((max * (bucket - 1)) / steps) + 1;
    const to = Math.floor((max * bucket) / steps);
    if (from <= to) {
      legend.push({ bucket, from, to });
    }
  }
  return legend;
}
