/** 回应关切 (国办发〔2016〕61号): 5 hours to authoritative information, 24 hours to a press conference, for 重大 and 特别重大 events. */
import { describe, expect, it } from 'vitest';
import { concernDeadlines, type ConcernLevel, type ResponseKind } from '../../src/domain/concern-deadlines.js';

const start = new Date('2026-10-01T14:00:00Z'); // 22:00 in China, on 国庆: the clock runs through the night and the holiday.
const at = (iso: string) => new Date(iso);

describe('the hour clock of a major emergency', () => {
  it.each([['ordinary'], ['larger']] as const)('has no hour deadlines for a %s event', (level) => {
    expect(concernDeadlines(level as ConcernLevel, start, [], at('2026-10-03T00:00:00Z'))).toEqual([]);
  });

  it.each([
    // [name, level, responses, now, information state, information remaining, press state]
    ['nothing yet, 4 h in', 'major', [], '2026-10-01T18:00:00Z', 'running', 3600_000, 'running'],
    ['nothing after 5 h exactly: still on time', 'major', [], '2026-10-01T19:00:00Z', 'running', 0, 'running'],
    ['nothing after 5 h 1 min', 'especiallyMajor', [], '2026-10-01T19:01:00Z', 'overdue', -60_000, 'running'],
    ['information at 4 h 59', 'major', [['authoritativeInfo', '2026-10-01T18:59:00Z']], '2026-10-02T20:00:00Z', 'met', null, 'overdue'],
    ['information at 6 h', 'major', [['authoritativeInfo', '2026-10-01T20:00:00Z']], '2026-10-01T21:00:00Z', 'metLate', null, 'running'],
    ['a press conference at 3 h releases the information too', 'major', [['pressConference', '2026-10-01T17:00:00Z']], '2026-10-02T20:00:00Z', 'met', null, 'met'],
    ['a press conference at 24 h exactly', 'especiallyMajor', [['authoritativeInfo', '2026-10-01T16:00:00Z'], ['pressConference', '2026-10-02T14:00:00Z']], '2026-10-03T00:00:00Z', 'met', null, 'met'],
    ['a press conference at 25 h', 'especiallyMajor', [['authoritativeInfo', '2026-10-01T16:00:00Z'], ['pressConference', '2026-10-02T15:00:00Z']], '2026-10-03T00:00:00Z', 'met', null, 'metLate'],
    ['an interpretation does not count as information', 'major', [['policyInterpretation', '2026-10-01T15:00:00Z'], ['pressQa', '2026-10-01T15:30:00Z']], '2026-10-01T20:00:00Z', 'overdue', -3600_000, 'running'],
  ] as const)('%s', (_name, level, responses, now, infoState, infoRemaining, pressState) => {
    const [info, press] = concernDeadlines(level, start, responses.map(([kind, t]) => ({ kind: kind as ResponseKind, respondedAt: at(t) })), at(now));
    expect(info).toMatchObject({ kind: 'information', dueAt: at('2026-10-01T19:00:00Z'), state: infoState, remainingMs: infoRemaining });
    expect(press).toMatchObject({ kind: 'pressConference', dueAt: at('2026-10-02T14:00:00Z'), state: pressState });
  });
});
