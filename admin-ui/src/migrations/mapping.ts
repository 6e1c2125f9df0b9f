import type { MigrationMapping, MigrationProblem } from '../api/client';
import type { DiagramActivity } from '../diagram/diagram';

/** One source activity in the mapping table: where its tokens go, its number on both diagrams, its problems. */
export interface MappingRow {
  source: DiagramActivity;
  /** The target activity id, or null when not mapped. */
  target: string | null;
  /** 1, 2, … for mapped rows, in diagram order: the badge both diagrams show. */
  number: number | null;
  problems: MigrationProblem[];
}

/** The source's flow nodes left to right, each with its mapping and the problems found on it. */
export function mappingRows(sources: readonly DiagramActivity[], mapping: ReadonlyMap<string, string>, problems: readonly MigrationProblem[]): MappingRow[] {
  let next = 1;
  return [...sources]
    .sort((a, b) => a.x - b.x || a.y - b.y || a.id.localeCompare(b.id))
    .map((source) => {
      const target = mapping.get(source.id) ?? null;
      return {
        source,
        target,
        number: target === null ? null : next++,
        problems: problems.filter((problem) => problem.sourceActivityId === source.id),
      };
    });
}

/** Problems that name no activity of the source diagram (about the whole instance or plan). */
export function generalProblems(sources: readonly DiagramActivity[], problems: readonly MigrationProblem[]): MigrationProblem[] {
  const ids = new Set(sources.map((source) => source.id));
  return problems.filter((problem) => problem.sourceActivityId === null || !ids.has(problem.sourceActivityId));
}

/** The plan's instructions from the table's choices, in table order. */
export function instructionsOf(rows: readonly MappingRow[]): MigrationMapping[] {
  return rows.filter((row) => row.target !== null).map((row) => ({ sourceActivityId: row.source.id, targetActivityId: row.target! }));
}

/** A mapping keyed by source activity, from a plan's instructions. */
export function mappingOf(instructions: readonly MigrationMapping[]): Map<string, string> {
  return new Map(instructions.map((instruction) => [instruction.sourceActivityId, instruction.targetActivityId]));
}
