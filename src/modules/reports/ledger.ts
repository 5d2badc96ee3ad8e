/**
 * Reading a paper request ledger (CSV or XLSX) into validated rows, so reports can be
 * produced for years before Gongkai. Every bad row is reported with its line number.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { APPLICANT_COLUMNS, OUTCOME_ROW_KEYS } from '../../domain/annual-report.js';
import { isIsoDate } from '../../domain/dates.js';

export const LEDGER_CHANNELS = ['online', 'letter', 'inPerson', 'email', 'fax', 'other'] as const;

/** English column names and their Chinese equivalents (api-contract.md). */
const HEADERS: Record<string, string> = {
  receivedOn: 'receivedOn', 收到日期: 'receivedOn',
  channel: 'channel', 申请方式: 'channel',
  applicantType: 'applicantType', 申请人类型: 'applicantType',
  outcome: 'outcome', 办理结果: 'outcome',
  completedOn: 'completedOn', 办结日期: 'completedOn',
};

export interface LedgerRow {
  receivedOn: string;
  channel: string;
  applicantType: string;
  outcome: string | null;
  completedOn: string | null;
}

export interface LedgerProblem {
  row: number;
  message: string;
}

function validateRow(raw: Record<string, string>, line: number, problems: LedgerProblem[]): LedgerRow | null {
  const before = problems.length;
  const v = (k: string) => (raw[k] ?? '').trim();
  const receivedOn = v('receivedOn');
  const completedOn = v('completedOn') || null;
  const outcome = v('outcome') || null;
  if (!isIsoDate(receivedOn)) problems.push({ row: line, message: `收到日期“${receivedOn}”不是有效日期（应为 YYYY-MM-DD）。` });
  if (!(LEDGER_CHANNELS as readonly string[]).includes(v('channel'))) problems.push({ row: line, message: `申请方式“${v('channel')}”无效，应为 ${LEDGER_CHANNELS.join('、')} 之一。` });
  if (!(APPLICANT_COLUMNS as readonly string[]).includes(v('applicantType'))) problems.push({ row: line, message: `申请人类型“${v('applicantType')}”无效，应为 ${APPLICANT_COLUMNS.join('、')} 之一。` });
  if (outcome && !OUTCOME_ROW_KEYS.includes(outcome)) problems.push({ row: line, message: `办理结果“${outcome}”不是年度报告格式中的结果项。` });
  if (completedOn && !isIsoDate(completedOn)) problems.push({ row: line, message: `办结日期“${completedOn}”不是有效日期。` });
  if (!!outcome !== !!completedOn) problems.push({ row: line, message: '办理结果和办结日期应同时填写（尚未办结的两项均留空）。' });
  if (completedOn && isIsoDate(receivedOn) && isIsoDate(completedOn) && completedOn < receivedOn) problems.push({ row: line, message: '办结日期早于收到日期。' });
  if (problems.length > before) return null;
  return { receivedOn, channel: v('channel'), applicantType: v('applicantType'), outcome, completedOn };
}

function normalise(records: Record<string, string>[]): Record<string, string>[] {
  return records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [HEADERS[k.trim().replace(/^\uFEFF/, '')] ?? k, String(v ?? '')])));
}

export function validateLedger(records: Record<string, string>[], headers: string[]): { rows: LedgerRow[]; problems: LedgerProblem[] } {
  const problems: LedgerProblem[] = [];
  const known = headers.map((h) => HEADERS[h.trim().replace(/^\uFEFF/, '')]);
  for (const required of ['receivedOn', 'channel', 'applicantType']) {
    if (!known.includes(required)) problems.push({ row: 1, message: `表头缺少列“${required}”。` });
  }
  if (problems.length) return { rows: [], problems };
  const rows: LedgerRow[] = [];
  normalise(records).forEach((raw, i) => {
    const row = validateRow(raw, i + 2, problems); // line 1 is the header
    if (row) rows.push(row);
  });
  return { rows, problems };
}

export function parseLedgerCsv(text: string) {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  return validateLedger(parsed.data, parsed.meta.fields ?? []);
}

export async function parseLedgerXlsx(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], problems: [{ row: 1, message: '工作簿中没有工作表。' }] };
  const cell = (v: ExcelJS.CellValue): string => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(typeof v === 'object' && 'text' in v ? v.text : v));
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (c, col) => (headers[col - 1] = cell(c.value)));
  const records: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    records.push(Object.fromEntries(headers.map((h, i) => [h, cell(row.getCell(i + 1).value)])));
  }
  return validateLedger(records, headers);
}
