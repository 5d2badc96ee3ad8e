/**
 * The item registry as an XLSX workbook (导出 / 导入): one row per item with its limits and the
 * text fields of its guide. Import is all or nothing: a new code becomes a published item (as the
 * API's POST does), a known code a draft of its next version, to be reviewed before publication.
 * Every row is checked first, then all are saved in one transaction.
 */
import ExcelJS from 'exceljs';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/roles.js';
import { labelOf } from '../../domain/labels.js';
import { checkLimits, SERVICE_ITEM_KINDS, type ServiceItemKind } from '../../domain/services/service-items.js';
import { AppError } from '../../http/errors.js';
import { findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';
import { visibleOrgIds } from '../orgs/orgs.policy.js';
import { draftItemVersionIn } from './guides.service.js';
import * as repo from './items.repository.js';
import { insertItemIn, type ServiceGuide } from './items.service.js';
import { canKeepRegistry } from './services.policy.js';

const TEXT_FIELDS = ['basis', 'conditions', 'fees', 'feeBasis', 'location', 'hours', 'consultPhone', 'complaintPhone'] as const;
const COLUMNS: { key: string; header: string; width: number }[] = [
  { key: 'code', header: '事项编码', width: 24 }, { key: 'name', header: '事项名称', width: 30 }, { key: 'orgCode', header: '实施机关代码', width: 22 },
  { key: 'orgName', header: '实施机关', width: 20 }, { key: 'kind', header: '事项类型', width: 10 }, { key: 'legalLimitDays', header: '法定时限（工作日）', width: 12 },
  { key: 'promisedLimitDays', header: '承诺时限（工作日）', width: 12 }, { key: 'deemedApproval', header: '逾期视为同意', width: 10 },
  { key: 'basis', header: '设定依据', width: 30 }, { key: 'conditions', header: '受理条件', width: 30 }, { key: 'fees', header: '收费标准', width: 16 },
  { key: 'feeBasis', header: '收费依据', width: 20 }, { key: 'location', header: '办理地点', width: 20 }, { key: 'hours', header: '办理时间', width: 20 },
  { key: 'consultPhone', header: '咨询电话', width: 14 }, { key: 'complaintPhone', header: '监督投诉电话', width: 14 }, { key: 'online', header: '网上办理', width: 10 },
];
const KIND_BY_LABEL = Object.fromEntries(Object.entries(SERVICE_ITEM_KINDS).map(([k, v]) => [v, k])) as Record<string, ServiceItemKind>;

async function scopedOrg(ctx: AppContext, actor: Actor, orgCode: string) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canKeepRegistry(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  return org;
}

export async function exportRegistry(ctx: AppContext, actor: Actor, orgCode: string): Promise<{ fileName: string; data: Buffer }> {
  const org = await scopedOrg(ctx, actor, orgCode);
  const items = await repo.listItems(ctx.db, { orgIds: await subtreeIds(ctx.db, org.id) });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('政务服务事项');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const i of items) {
    const g = i.guide as ServiceGuide;
    sheet.addRow({
      code: i.code, name: i.name, orgCode: i.orgCode, orgName: i.orgName, kind: labelOf('serviceItemKind', i.kind), legalLimitDays: i.legalLimitDays,
      promisedLimitDays: i.promisedLimitDays, deemedApproval: i.deemedApproval ? '是' : '否', ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, g[f] ?? ''])),
      online: g.online ? '是' : '否',
    });
  }
  return { fileName: `${org.name}政务服务事项.xlsx`, data: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

const cellText = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? String(v.text) : typeof v === 'object' && 'result' in v ? String(v.result ?? '') : String(v)).trim();

export async function importRegistry(ctx: AppContext, actor: Actor, orgCode: string, data: Buffer) {
  const org = await scopedOrg(ctx, actor, orgCode);
  const below = new Set(await subtreeIds(ctx.db, org.id));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('SERVICE_LEDGER_INVALID', [{ row: 1, message: '文件不是有效的 XLSX 工作簿。' }], '文件不是有效的 XLSX 工作簿，未导入任何数据。');
  }
  const sheet = workbook.worksheets[0];
  const headers: Record<number, string> = {};
  sheet?.getRow(1).eachCell((cell, col) => { const c = COLUMNS.find((x) => x.header === cellText(cell.value) || x.key === cellText(cell.value)); if (c) headers[col] = c.key; });
  const problems: { row: number; message: string }[] = [];
  for (const required of ['name', 'orgCode', 'kind', 'legalLimitDays', 'promisedLimitDays']) {
    if (!Object.values(headers).includes(required)) problems.push({ row: 1, message: `表头缺少列“${COLUMNS.find((c) => c.key === required)!.header}”。` });
  }
  if (problems.length || !sheet) throw new AppError('SERVICE_LEDGER_INVALID', problems, '事项表的表头不完整，未导入任何数据。');
  const rows: { line: number; code: string; orgCode: string; name: string; kind: ServiceItemKind; legalLimitDays: number; promisedLimitDays: number; deemedApproval: boolean; guide: ServiceGuide }[] = [];
  const orgCache = new Map<string, number | null>();
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const v: Record<string, string> = {};
    for (const [col, key] of Object.entries(headers)) v[key] = cellText(row.getCell(Number(col)).value);
    if (!Object.values(v).some(Boolean)) continue;
    const before = problems.length;
    const bad = (message: string) => problems.push({ row: r, message });
    const kind = (v.kind in SERVICE_ITEM_KINDS ? v.kind : KIND_BY_LABEL[v.kind]) as ServiceItemKind | undefined;
    if (!v.name) bad('事项名称未填写。');
    if (!kind) bad(`事项类型“${v.kind}”无效，应为${Object.values(SERVICE_ITEM_KINDS).join('、')}之一。`);
    const legal = Number(v.legalLimitDays);
    const promised = Number(v.promisedLimitDays);
    for (const p of checkLimits(v.legalLimitDays === '' ? NaN : legal, v.promisedLimitDays === '' ? NaN : promised)) bad(p.message);
    if (v.code && !/^[A-Za-z0-9-]{2,64}$/.test(v.code)) bad('事项编码只能由2至64位字母、数字和连字符组成。');
    if (!orgCache.has(v.orgCode)) orgCache.set(v.orgCode, (await findOrgByCode(ctx.db, v.orgCode))?.id ?? null);
    const orgId = orgCache.get(v.orgCode);
    if (!orgId) bad(`实施机关代码“${v.orgCode}”不存在。`);
    else if (!below.has(orgId)) bad(`实施机关不是${org.name}或其下级机关。`);
    if (problems.length > before) continue;
    const guide: ServiceGuide = { online: v.online === '是' };
    for (const f of TEXT_FIELDS) if (v[f]) guide[f] = v[f];
    rows.push({ line: r, code: v.code, orgCode: v.orgCode, name: v.name, kind: kind!, legalLimitDays: legal, promisedLimitDays: promised, deemedApproval: v.deemedApproval === '是', guide });
  }
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.code && seen.has(r.code)) problems.push({ row: r.line, message: `事项编码“${r.code}”在表中重复。` });
    seen.add(r.code);
  }
  const existing = new Map((await repo.findItemsByCodes(ctx.db, rows.map((r) => r.code).filter(Boolean))).map((i) => [i.code, i]));
  for (const r of rows) {
    const item = existing.get(r.code);
    if (item && item.orgCode !== r.orgCode) problems.push({ row: r.line, message: `事项编码“${r.code}”已属于${item.orgName}。` });
  }
  if (problems.length) throw new AppError('SERVICE_LEDGER_INVALID', problems.sort((a, b) => a.row - b.row), `事项表中有${new Set(problems.map((p) => p.row)).size}行不符合要求，未导入任何数据。`);
  if (!rows.length) throw new AppError('SERVICE_LEDGER_EMPTY');
  // One transaction for the whole sheet: a row that still fails in the database (a draft under review,
  // a constraint) rolls back every row before it, so the registry is never half imported.
  const orgIds = new Map([...orgCache].filter((e): e is [string, number] => e[1] !== null));
  let created = 0;
  let drafted = 0;
  let line = 0;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      for (const r of rows) {
        line = r.line;
        const fields = { name: r.name, kind: r.kind, legalLimitDays: r.legalLimitDays, promisedLimitDays: r.promisedLimitDays, deemedApproval: r.deemedApproval };
        const item = r.code ? existing.get(r.code) : undefined;
        if (item) {
          await draftItemVersionIn(trx, actor, item, { ...fields, guide: { ...(item.guide as ServiceGuide), ...r.guide } });
          drafted += 1;
        } else {
          await insertItemIn(trx, actor, { id: orgIds.get(r.orgCode)!, code: r.orgCode }, { ...fields, orgCode: r.orgCode, code: r.code || undefined, guide: r.guide });
          created += 1;
        }
      }
    });
  } catch (error) {
    // An integrity violation (class 23) names the row; anything else is the server's fault, as before.
    if (error instanceof AppError || !/^23/.test(String((error as { code?: unknown }).code ?? ''))) throw error;
    throw new AppError('SERVICE_LEDGER_INVALID', [{ row: line, message: '保存本行时数据库拒绝了数据。' }], `事项表第${line}行保存失败，未导入任何数据。`);
  } finally {
    ctx.pages.invalidate();
  }
  return { created, drafted };
}
