import { describe, expect, it } from 'vitest';
import { activity } from '../test/fake-diagram';
import { generalProblems, instructionsOf, mappingOf, mappingRows } from './mapping';

const sources = [activity('legacyCheck', 'Legacy check', 300, 'bpmn:UserTask'), activity('start', null, 0, 'bpmn:StartEvent'), activity('review', 'Review', 150, 'bpmn:UserTask')];

describe('migration mapping', () => {
  it('should number the mapped activities left to right and attach each problem to its row', () => {
    // given
    const mapping = mappingOf([
      { sourceActivityId: 'legacyCheck', targetActivityId: 'check' },
      { sourceActivityId: 'review', targetActivityId: 'review' },
    ]);
    const problem = { sourceActivityId: 'legacyCheck', targetActivityId: 'check', message: 'incompatible' };

    // when
    const rows = mappingRows(sources, mapping, [problem]);

    // then
    expect(rows.map((row) => [row.source.id, row.target, row.number])).toEqual([
      ['start', null, null],
      ['review', 'review', 1],
      ['legacyCheck', 'check', 2],
    ]);
    expect(rows[2]!.problems).toEqual([problem]);
    expect(rows[1]!.problems).toEqual([]);
    expect(instructionsOf(rows)).toEqual([
      { sourceActivityId: 'review', targetActivityId: 'review' },
      { sourceActivityId: 'legacyCheck', targetActivityId: 'check' },
    ]);
  });

  it('should keep problems without a known source activity apart', () => {
    // given
    const problems = [
      { sourceActivityId: null, targetActivityId: null, message: 'whole instance' },
      { sourceActivityId: 'subProcess', targetActivityId: null, message: 'not drawn' },
      { sourceActivityId: 'review', targetActivityId: null, message: 'on review' },
    ];

    // when
    const general = generalProblems(sources, problems);

    // then
    expect(general.map((problem) => problem.message)).toEqual(['whole instance', 'not drawn']);
  });
});
