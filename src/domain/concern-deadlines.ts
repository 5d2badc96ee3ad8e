/**
 * 回应关切: the clock of a major emergency. A body handling a 特别重大 or 重大 突发事件 releases authoritative
 * information within 5 hours at the latest and holds a press conference within 24 hours; the person in charge
 * is the first spokesperson (国办发〔2016〕61号《〈关于全面推进政务公开工作的意见〉实施细则》).
 * The hours run from the moment the event started (or became known), in real time: nights and holidays count.
 */
export const CONCERN_LEVELS = ['ordinary', 'larger', 'major', 'especiallyMajor'] as const;
export type ConcernLevel = (typeof CONCERN_LEVELS)[number];

export const RESPONSE_KINDS = ['authoritativeInfo', 'pressConference', 'policyInterpretation', 'pressQa'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

export const INFORMATION_HOURS = 5;
export const PRESS_CONFERENCE_HOURS = 24;
const HOUR = 3600_000;

export type DeadlineKind = 'information' | 'pressConference';

/**
 * Which responses meet a deadline: information is released by a 权威信息发布 or at a press conference
 * (which releases it too); the press conference only by a press conference.
 */
const MEETS: Record<DeadlineKind, ResponseKind[]> = {
  information: ['authoritativeInfo', 'pressConference'],
  pressConference: ['pressConference'],
};

export type DeadlineState = 'met' | 'metLate' | 'running' | 'overdue';

export interface ConcernDeadline {
  kind: DeadlineKind;
  dueAt: Date;
  state: DeadlineState;
  /** The response that met it (the first of a kind that counts), if any. */
  metAt: Date | null;
  /** Milliseconds left while running (≥ 0), or past due while overdue (≤ 0). */
  remainingMs: number | null;
}

export function hasHourlyClock(level: ConcernLevel): boolean {
  return level === 'major' || level === 'especiallyMajor';
}

/** The hour deadlines of a concern as they stand at `now`; none below 重大. */
export function concernDeadlines(level: ConcernLevel, startedAt: Date, responses: { kind: ResponseKind; respondedAt: Date }[], now: Date): ConcernDeadline[] {
  if (!hasHourlyClock(level)) return [];
  return ([['information', INFORMATION_HOURS], ['pressConference', PRESS_CONFERENCE_HOURS]] as const).map(([kind, hours]) => {
    const dueAt = new Date(startedAt.getTime() + hours * HOUR);
    const first = responses.filter((r) => MEETS[kind].includes(r.kind) && r.respondedAt.getTime() >= startedAt.getTime())
      .map((r) => r.respondedAt).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    if (first) return { kind, dueAt, state: first.getTime() <= dueAt.getTime() ? 'met' : 'metLate', metAt: first, remainingMs: null };
    const remainingMs = dueAt.getTime() - now.getTime();
    return { kind, dueAt, state: remainingMs >= 0 ? 'running' : 'overdue', metAt: null, remainingMs };
  });
}
