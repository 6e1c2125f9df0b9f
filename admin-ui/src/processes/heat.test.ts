import { describe, expect, it } from 'vitest';
import { heatBucket, heatBuckets, heatLegend } from './heat';

describe('heat buckets', () => {
  it.each([
    [0, 1200, 0],
    [1, 1200, 1],
    [300, 1200, 1],
    [301, 1200, 2],
    [600, 1200, 2],
    [900, 1200, 3],
    [901, 1200, 4],
    [1200, 1200, 4],
    [5, 0, 0],
    [1, 1, 4],
  ])('should put %i of %i in bucket %i', (passed, max, bucket) => {
    expect(heatBucket(passed, max)).toBe(bucket);
  });

  it('should scale to the busiest activity', () => {
    // given
    const passed = new Map([
      ['start', 100],
      ['charge', 100],
      ['ship', 60],
      ['release', 3],
      ['never', 0],
    ]);

    // when
    const buckets = heatBuckets(passed);

    // then
    expect(Object.fromEntries(buckets)).toEqual({ start: 4, charge: 4, ship: 3, release: 1, never: 0 });
  });

  it('should give every activity bucket 0 when nothing passed', () => {
    expect(Object.fromEntries(heatBuckets(new Map([['a', 0]])))).toEqual({ a: 0 });
    expect(heatBuckets(new Map()).size).toBe(0);
  });

  it('should describe the counts of each bucket', () => {
    expect(heatLegend(1200)).toEqual([
      { bucket: 0, from: 0, to: 0 },
      { bucket: 1, from: 1, to: 300 },
      { bucket: 2, from: 301, to: 600 },
      { bucket: 3, from: 601, to: 900 },
      { bucket: 4, from: 901, to: 1200 },
    ]);
  });

  it('should leave out buckets no whole count falls into', () => {
    // given 2 as the maximum: 1 is half of it (bucket 2), 2 all of it (bucket 4)
    expect(heatLegend(2)).toEqual([
      { bucket: 0, from: 0, to: 0 },
      { bucket: 2, from: 1, to: 1 },
      { bucket: 4, from: 2, to: 2 },
    ]);
    expect(heatLegend(0)).toEqual([{ bucket: 0, from: 0, to: 0 }]);
  });

  it('should agree with the legend for every count', () => {
    for (const max of [1, 2, 3, 7, 34, 1200]) {
      for (const entry of heatLegend(max)) {
        for (let passed = entry.from; passed <= entry.to; passed++) {
          expect(heatBucket(passed, max)).toBe(entry.bucket);
        }
      }
    }
  });
});
