/**
 * 来信办理情况: the contract's message-statistics (counts by type, channel and rating), and beyond them the reply time in working days
 * (from the day of receipt to the day of the reply, the day of receipt not counted), the on-time rate and the
 * satisfaction rate, per body and mailbox for a period, rolled up to the bodies below.
 */
import type { AppContext } from '../../context.js';
import { addCalendarDays, todayInChina, type IsoDate } from '../../domain/dates.js';
import { labelOf } from '../../domain/labels.js';
import { AppError } from '../../http/errors.js';
import { findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';
import * as repo from './message-statistics.repository.js';
import * as messagesRepo from './messages.repository.js';
import { MESSAGE_CHANNELS, MESSAGE_RATINGS, MESSAGE_TYPES } from './message-codes.js';

export interface ReplyFigures {
  received: number;
  replied: number;
  onTime: number;
  /** onTime ÷ replied × 100, two decimals rounded half up ("0.00" when nothing was replied). */
  onTimeRate: string;
  /** Working days, one decimal; null when nothing was replied. */
  averageReplyDays: number | null;
  longestReplyDays: number | null;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** (satisfied + basicallySatisfied) ÷ rated × 100, two decimals ("0.00" when nothing was rated). */
  satisfactionRate: string;
}

/** part ÷ whole × 100 as a string with two decimals, rounded half up. */
export function percent(part: number, whole: number): string {
  if (!whole) return '0.00';
  const hundredths = Math.floor((part * 20000) / whole + 1) >> 1; // round half up in integers
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

function figuresOf(rows: repo.ReplyFigureRow[]): ReplyFigures {
  const sum = (k: keyof repo.ReplyFigureRow) => rows.reduce((n, r) => n + Number(r[k] ?? 0), 0);
  const replied = sum('replied');
  const onTime = sum('onTime');
  const timed = sum('timed');
  const maxes = rows.map((r) => r.replyDaysMax).filter((v): v is number => v !== null);
  const satisfied = sum('satisfied');
  const basicallySatisfied = sum('basicallySatisfied');
  const dissatisfied = sum('dissatisfied');
  const rated = satisfied + basicallySatisfied + dissatisfied;
  return {
    received: sum('received'), replied, onTime, onTimeRate: percent(onTime, replied),
    averageReplyDays: timed ? Math.round((sum('replyDaysSum') / timed) * 10) / 10 : null,
    longestReplyDays: maxes.length ? Math.max(...maxes.map(Number)) : null,
    rated, satisfied, basicallySatisfied, dissatisfied, satisfactionRate: percent(satisfied + basicallySatisfied, rated),
  };
}

/** For each day of [from, to]: how many working days there are from `from` up to it (the lookup table of replyFigures). */
async function workingDayNumbers(ctx: AppContext, from: IsoDate, to: IsoDate): Promise<number[]> {
  const calendar = await ctx.calendar();
  const numbers: number[] = [];
  let n = 0;
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) numbers.push(calendar.isWorkingDay(d) ? ++n : n);
  return numbers;
}

export interface ReplyStatisticsQuery { from: IsoDate; to: IsoDate; rollup: boolean; box?: string }

/** The figures of messages received in [from, to] by the body (and the bodies below it with rollup), or by one of its mailboxes. */
export async function replyStatistics(ctx: AppContext, orgCode: string, q: ReplyStatisticsQuery) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  if (q.to < q.from) throw new AppError('VALIDATION_FAILED', [{ path: 'to', message: '截止日期不能早于起始日期，请重新选择。' }]);
  if (addCalendarDays(q.from, 366 * 10) < q.to) throw new AppError('VALIDATION_FAILED', [{ path: 'to', message: '统计期间不能超过10年，请缩短期间。' }]);
  let mailboxId: number | undefined;
  if (q.box) {
    const box = await messagesRepo.findMailbox(ctx.db, org.id, q.box);
    if (!box) throw new AppError('MAILBOX_NOT_FOUND');
    mailboxId = box.id;
  }
  const orgIds = q.rollup && !mailboxId ? await subtreeIds(ctx.db, org.id) : [org.id];
  const today = todayInChina(ctx.now());
  const calendarEnd = today > q.to ? today : q.to;
  const [rows, channels, boxes] = await Promise.all([
    workingDayNumbers(ctx, q.from, calendarEnd).then((numbers) => repo.replyFigures(ctx.db, { orgIds, mailboxId, from: q.from, to: q.to, workingDayNumbers: numbers })),
    repo.channelCounts(ctx.db, { orgIds, mailboxId, from: q.from, to: q.to }),
    messagesRepo.listMailboxes(ctx.db, orgIds),
  ]);
  const byChannel = Object.fromEntries(MESSAGE_CHANNELS.map((c) => [c, 0])) as Record<(typeof MESSAGE_CHANNELS)[number], number>;
  for (const r of channels) byChannel[r.channel] = Number(r.count);
  const orgOrder: { orgId: number; orgCode: string; orgName: string }[] = [];
  for (const b of boxes) if (!orgOrder.some((o) => o.orgId === b.orgId)) orgOrder.push({ orgId: b.orgId, orgCode: b.orgCode, orgName: b.orgName });
  return {
    orgCode: org.code, orgName: org.name, from: q.from, to: q.to, rollup: orgIds.length > 1, ...(q.box ? { box: q.box } : {}),
    totals: figuresOf(rows),
    byChannel,
    channels: MESSAGE_CHANNELS.map((c) => ({ channel: c, label: labelOf('messageChannel', c), count: byChannel[c] })),
    byOrg: orgOrder.filter((o) => rows.some((r) => r.orgId === o.orgId))
      .map((o) => ({ orgCode: o.orgCode, orgName: o.orgName, ...figuresOf(rows.filter((r) => r.orgId === o.orgId)) })),
    byMailbox: boxes.filter((b) => rows.some((r) => r.mailboxId === b.id))
      .map((b) => ({ orgCode: b.orgCode, orgName: b.orgName, box: b.code, boxName: b.name, ...figuresOf(rows.filter((r) => r.mailboxId === b.id)) })),
  };
}

export type ReplyStatistics = Awaited<ReturnType<typeof replyStatistics>>;

/** The first and last day of a month given as YYYY-MM. */
export function monthRange(month: string): { from: IsoDate; to: IsoDate } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = `${month}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to: addCalendarDays(next, -1) };
}

// ---------------------------------------------------------------- the contract's message-statistics

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** The contract's figures for messages received in [from, to] by the body (and those below it with rollup). */
export async function messageStatistics(ctx: AppContext, orgCode: string, q: { from: IsoDate; to: IsoDate; rollup: boolean }) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  if (q.to < q.from) throw new AppError('VALIDATION_FAILED', [{ path: 'to', message: '截止日期不能早于起始日期，请重新选择。' }]);
  const ids = q.rollup ? await subtreeIds(ctx.db, org.id) : [org.id];
  const s = await messagesRepo.statistics(ctx.db, ids, q.from, q.to, todayInChina(ctx.now()));
  const byType = zeroes(MESSAGE_TYPES);
  for (const r of s.byType) byType[r.type] = Number(r.n);
  const byChannel = zeroes(MESSAGE_CHANNELS);
  for (const r of s.byChannel) byChannel[r.channel] = Number(r.n);
  const ratings = zeroes(MESSAGE_RATINGS);
  for (const r of s.byRating) ratings[r.rating!] = Number(r.n);
  return {
    received: Number(s.totals.received), replied: Number(s.totals.replied), pending: Number(s.totals.pending), overdue: Number(s.totals.overdue),
    byType, byChannel,
    satisfaction: { rated: ratings.satisfied + ratings.basicallySatisfied + ratings.dissatisfied, ...ratings },
  };
}

/** Messages received in a year by channel (the statistics dashboard and the annual report's narrative). */
export async function messagesByChannel(ctx: AppContext, orgIds: number[], year: number) {
  const rows = await messagesRepo.countByChannel(ctx.db, orgIds, `${year}-01-01`, `${year}-12-31`);
  return rows.map((r) => ({ channel: r.channel, label: labelOf('messageChannel', r.channel), count: Number(r.count) }));
}
