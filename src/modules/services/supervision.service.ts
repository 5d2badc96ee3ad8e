/**
 * 电子监察: the live board of a centre — open cases approaching their promised limit (a warning the
 * centre's `warningDays` working days before, 1 by default) and overdue ones, by centre, window,
 * item and clerk; per-window and per-clerk efficiency (cases, average working days, overdue,
 * ratings); the monthly 通报. Every figure carries the filter that lists its cases.
 */
import type { AppContext } from '../../context.js';
import { formatChineseDate, todayInChina, type IsoDate } from '../../domain/dates.js';
import { labelOf } from '../../domain/labels.js';
import type { Actor } from '../../domain/roles.js';
import { DEFAULT_WARNING_WORKING_DAYS, workingDaysLeft } from '../../domain/services/case-deadline.js';
import { completionRate, satisfactionRate } from '../../domain/services/rates.js';
import { AppError } from '../../http/errors.js';
import { renderNoticeDocx, renderNoticePdf } from '../requests/notice.js';
import type { FigureSums } from './case-figures.repository.js';
import { findCentre } from './centres.repository.js';
import { canReadServiceCases, caseScopeOf } from './services.policy.js';
import { figureSumsOf } from './statistics.service.js';
import * as repo from './supervision.repository.js';

interface Group {
  key: string;
  label: string;
  /** The case list's query for the cases behind the figures (/api/v1/service-cases?…). */
  filter: Record<string, string | number>;
  accepted: number;
  completed: number;
  completionRate: string;
  onTime: number;
  overdue: number;
  open: number;
  averageWorkingDays: string;
  ratings: number;
  satisfactionRate: string;
}

type GroupMeta = { key: string; label: string; filter: Record<string, string | number> };

/** A group of the board from its monthly sums (case-figures.repository.ts); null meta leaves it out. */
function grouped(rows: FigureSums[], metaOf: (r: FigureSums) => GroupMeta | null): Group[] {
  const groups: Group[] = [];
  for (const r of rows) {
    const meta = metaOf(r);
    if (!meta) continue;
    const ratings = r.byLevel[1] + r.byLevel[2] + r.byLevel[3] + r.byLevel[4] + r.byLevel[5];
    groups.push({
      ...meta,
      accepted: r.accepted, completed: r.completed, completionRate: completionRate(r.completed, r.accepted), onTime: r.onTime,
      overdue: r.completedLate + r.openOverdue, open: r.accepted - r.completed,
      // Average working days with one decimal, rounded half up (tenths of the sum ÷ count).
      averageWorkingDays: r.completed ? (Math.round((r.workingDays * 10) / r.completed) / 10).toFixed(1) : '0.0',
      ratings, satisfactionRate: satisfactionRate(r.byLevel),
    });
  }
  return groups.sort((a, b) => b.accepted - a.accepted || a.label.localeCompare(b.label, 'zh-CN'));
}

/**
 * The live board reads the open cases (clock running) due within the warning through the partial
 * index on them, and the period's efficiency from the monthly figures, grouped in SQL; no month of
 * cases is loaded. Each figure carries the case list's filter for the cases behind it.
 */
export async function supervisionBoard(ctx: AppContext, actor: Actor, query: { centreId?: number; from?: IsoDate; to?: IsoDate }) {
  if (!canReadServiceCases(actor)) throw new AppError('FORBIDDEN');
  const scope = await caseScopeOf(ctx.db, actor);
  const today = todayInChina(ctx.now());
  const from = query.from ?? `${today.slice(0, 7)}-01`;
  const to = query.to ?? today;
  if (to < from) throw new AppError('VALIDATION_FAILED', [{ path: 'to', message: '截止日期不能早于起始日期。' }]);
  const centre = query.centreId ? await findCentre(ctx.db, query.centreId) : undefined;
  if (query.centreId && !centre) throw new AppError('SERVICE_CENTRE_NOT_FOUND', [{ path: 'centreId', message: '该政务服务中心不存在。' }]);
  const warningDays = centre?.warningDays ?? DEFAULT_WARNING_WORKING_DAYS;
  const calendar = await ctx.calendar();
  const until = calendar.addWorkingDays(today, warningDays).date;
  const selection = { orgIds: scope.orgs === 'all' ? undefined : scope.orgs, windowIds: scope.windows ?? undefined, centreId: query.centreId, from, to };
  const [overdueRows, approachingRows, counts, byCentre, byWindow, byItem, byClerk] = await Promise.all([
    repo.openCasesDue(ctx.db, scope, { before: today }, { centreId: query.centreId }),
    repo.openCasesDue(ctx.db, scope, { from: today, until }, { centreId: query.centreId }),
    repo.countOpenCasesDueBy(ctx.db, scope, today, until, { centreId: query.centreId }),
    figureSumsOf(ctx.db, selection, 'centre', today), figureSumsOf(ctx.db, selection, 'window', today),
    figureSumsOf(ctx.db, selection, 'item', today), figureSumsOf(ctx.db, selection, 'clerk', today),
  ]);
  // Cases share a few due dates: count the working days once per date (the calendar walk is the board's CPU).
  const left = new Map<string, number>();
  const daysLeft = (dueOn: string) => left.get(dueOn) ?? left.set(dueOn, workingDaysLeft(calendar, today, dueOn)).get(dueOn)!;
  const present = (c: repo.BoardCase) => ({ ...c, statusLabel: labelOf('serviceCaseStatus', c.status), workingDaysLeft: daysLeft(c.dueOn) });
  const overdue = overdueRows.map(present);
  const approaching = approachingRows.map(present);
  const base = { from, to };
  return {
    today, from, to, warningDays,
    counts,
    approaching, overdue,
    byCentre: grouped(byCentre, (r) => (r.key !== '-' ? { key: `c${r.key}`, label: r.label!, filter: { ...base, centreId: Number(r.key) } } : { key: 'none', label: '未进驻窗口（机关受理）', filter: { ...base, windowId: 0 } })),
    byWindow: grouped(byWindow, (r) => (r.key !== '-' ? { key: `w${r.key}`, label: r.label!, filter: { ...base, windowId: Number(r.key) } } : null)),
    byItem: grouped(byItem, (r) => ({ key: r.key, label: r.label!, filter: { ...base, itemCode: r.key } })),
    byClerk: grouped(byClerk, (r) => (r.key !== '-' ? { key: `u${r.key}`, label: r.label ?? '工作人员', filter: { ...base, handledBy: Number(r.key) } } : null)),
  };
}

/** 电子监察月度通报 for the supervision office: the month's figures per window, and the overdue cases. */
export async function monthlyBulletin(ctx: AppContext, actor: Actor, month: string, format: 'docx' | 'pdf', centreId?: number) {
  const from = `${month}-01`;
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const to = `${month}-${String(last).padStart(2, '0')}`;
  const today = todayInChina(ctx.now());
  if (from > today) throw new AppError('VALIDATION_FAILED', [{ path: 'month', message: '该月份尚未开始。' }]);
  const board = await supervisionBoard(ctx, actor, { centreId, from, to: to > today ? today : to });
  const total = board.byCentre.reduce((s, g) => ({ accepted: s.accepted + g.accepted, completed: s.completed + g.completed, overdue: s.overdue + g.overdue }), { accepted: 0, completed: 0, overdue: 0 });
  const title = `政务服务电子监察通报（${month.slice(0, 4)}年${Number(month.slice(5, 7))}月）`;
  const paragraphs = [
    `${formatChineseDate(from)}至${formatChineseDate(board.to)}，共受理办件${total.accepted}件，办结${total.completed}件，办结率${completionRate(total.completed, total.accepted)}%，超期${total.overdue}件。各窗口情况如下：`,
    ...board.byWindow.map((w, i) => `${i + 1}. ${w.label}：受理${w.accepted}件，办结${w.completed}件，办结率${w.completionRate}%，平均用时${w.averageWorkingDays}个工作日，超期${w.overdue}件，评价${w.ratings}次，满意率${w.satisfactionRate}%。`),
    board.overdue.length ? `截至${formatChineseDate(board.today)}，仍有${board.overdue.length}件办件超过承诺时限未办结：${board.overdue.slice(0, 50).map((c) => `${c.caseNo}（${c.itemName}，承诺${formatChineseDate(c.dueOn)}办结）`).join('；')}。请相关窗口和部门立即督办，并于3个工作日内说明原因。` : `截至${formatChineseDate(board.today)}，没有超过承诺时限未办结的办件。`,
  ];
  const content = { title, docNo: '电子监察', addressee: '各进驻部门、各窗口', paragraphs, orgName: '政务服务中心电子监察室', date: today };
  const data = format === 'docx' ? await renderNoticeDocx(content) : await renderNoticePdf(content);
  if (!data) throw new AppError('SERVICE_UNAVAILABLE', undefined, '服务器未安装中文字体，暂不能生成 PDF，请下载 DOCX 版本。');
  return { fileName: `${title}.${format}`, mime: format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf', data };
}
