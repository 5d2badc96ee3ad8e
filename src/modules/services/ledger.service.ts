/** Importing a ledger of earlier cases (办件台账), all or nothing. */
import type { AppContext } from '../../context.js';
import { todayInChina } from '../../domain/dates.js';
import type { Actor } from '../../domain/roles.js';
import { caseDueOn, workingDaysTaken } from '../../domain/services/case-deadline.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';
import { visibleOrgIds } from '../orgs/orgs.policy.js';
import * as cases from './cases.repository.js';
import { newCaseNo } from './cases.service.js';
import { findItemsByCodes } from './items.repository.js';
import { parseServiceLedger, type ServiceLedgerProblem } from './ledger.js';
import { canKeepRegistry } from './services.policy.js';

export async function importCaseLedger(ctx: AppContext, actor: Actor, orgCode: string, csv: string) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canKeepRegistry(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  const today = todayInChina(ctx.now());
  const { rows, problems } = parseServiceLedger(csv, today);
  const below = new Set(await subtreeIds(ctx.db, org.id));
  const items = new Map((await findItemsByCodes(ctx.db, [...new Set(rows.map((r) => r.itemCode))])).map((i) => [i.code, i]));
  const more: ServiceLedgerProblem[] = [];
  for (const r of rows) {
    const item = items.get(r.itemCode);
    if (!item) more.push({ row: r.line, message: `事项编码“${r.itemCode}”不存在。` });
    else if (!below.has(item.orgId)) more.push({ row: r.line, message: `事项“${item.name}”不属于${org.name}或其下级机关。` });
  }
  const all = [...problems, ...more].sort((a, b) => a.row - b.row);
  if (all.length) throw new AppError('SERVICE_LEDGER_INVALID', all, `办件台账中有${new Set(all.map((p) => p.row)).size}行不符合要求，未导入任何数据。`);
  if (!rows.length) throw new AppError('SERVICE_LEDGER_EMPTY');
  const calendar = await ctx.calendar();
  await ctx.db.transaction().execute(async (trx) => {
    const ids = await cases.insertCases(trx, rows.map((r) => {
      const item = items.get(r.itemCode)!;
      const due = caseDueOn(calendar, { acceptedOn: r.acceptedOn, promisedLimitDays: item.promisedLimitDays });
      return {
        caseNo: newCaseNo(r.acceptedOn), itemId: item.id, orgId: item.orgId, windowId: null, status: r.completedOn ? 'completed' : 'accepted',
        intakeReason: null, acceptedOn: r.acceptedOn, promisedLimitDays: item.promisedLimitDays, dueOn: due.dueOn, dueCertain: due.certain,
        completedOn: r.completedOn, result: r.result, applicantType: null, applicantName: null, idNumberEnc: null, phoneEnc: null,
        queryPasswordHash: null, imported: true, registeredBy: actor.userId,
        workingDaysTaken: r.completedOn ? workingDaysTaken(calendar, r.acceptedOn, r.completedOn) : null,
      };
    }));
    await cases.insertRatings(trx, rows.flatMap((r, i) => (r.rating ? [{ caseId: ids[i], level: r.rating, channel: 'ledger', ratedOn: r.completedOn! }] : [])));
    await recordAudit(trx, { actor, orgId: org.id, action: 'service.case.importLedger', targetType: 'org', targetId: org.code, summary: { rows: rows.length } });
  });
  ctx.pages.invalidate();
  return { imported: rows.length };
}
