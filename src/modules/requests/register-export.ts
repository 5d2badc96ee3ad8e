/**
 * The request register (登记台账, 条例第四十五条) as XLSX and CSV, with personal data masked and
 * every code written as the Chinese word of src/domain/labels.ts (the rows arrive labelled).
 */
import ExcelJS from 'exceljs';
import type { RequestDeadline } from '../../domain/request-deadline.js';

export interface RegisterRow {
  trackingNo: string;
  orgName: string;
  /** Labels, not codes: 网上申请, 自然人, 纸质, 邮寄, 办理中, 部分公开 … */
  channel: string;
  applicantName: string;
  applicantType: string;
  idNumber: string;
  phone: string;
  description: string;
  form: string;
  delivery: string;
  receivedOn: string | null;
  deadline: RequestDeadline | null;
  status: string;
  outcome: string | null;
  completedOn: string | null;
}

const COLUMNS: { header: string; width: number; value: (r: RegisterRow) => string }[] = [
  { header: '受理编号', width: 22, value: (r) => r.trackingNo },
  { header: '办理机关', width: 24, value: (r) => r.orgName },
  { header: '申请方式', width: 16, value: (r) => r.channel },
  { header: '申请人', width: 16, value: (r) => r.applicantName },
  { header: '申请人类型', width: 14, value: (r) => r.applicantType },
  { header: '证件号码', width: 22, value: (r) => r.idNumber },
  { header: '联系电话', width: 14, value: (r) => r.phone },
  { header: '所需信息', width: 40, value: (r) => r.description },
  { header: '载体形式', width: 14, value: (r) => r.form },
  { header: '获取方式', width: 12, value: (r) => r.delivery },
  { header: '收到日期', width: 12, value: (r) => r.receivedOn ?? '' },
  { header: '答复期限', width: 22, value: (r) => dueText(r.deadline) },
  { header: '状态', width: 22, value: (r) => `${r.status}${r.deadline?.overdue ? '（逾期）' : ''}` },
  { header: '办理结果', width: 30, value: (r) => r.outcome ?? '' },
  { header: '办结日期', width: 12, value: (r) => r.completedOn ?? '' },
];

/** 补正 stops the reply period (条例第三十条): the register then shows the supplement period. */
function dueText(deadline: RequestDeadline | null): string {
  if (!deadline) return '';
  if (deadline.awaitingSupplement) return `待补正（补正期限${deadline.supplementDueOn}）`;
  return `${deadline.dueOn}${deadline.paused ? '（暂停计时）' : ''}${deadline.certain ? '' : '（待确认）'}`;
}

export async function registerWorkbook(rows: RegisterRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('政府信息公开申请登记台账');
  sheet.columns = COLUMNS.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  for (const r of rows) sheet.addRow(Object.fromEntries(COLUMNS.map((c, i) => [String(i), c.value(r)])));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a byte-order mark, so that Excel and WPS open the Chinese text correctly. */
export function registerCsv(rows: RegisterRow[]): Buffer {
  const lines = [COLUMNS.map((c) => c.header), ...rows.map((r) => COLUMNS.map((c) => c.value(r)))].map((cells) => cells.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
