/** The audit log as people read it, exported: CSV (UTF-8 with BOM, for Excel and WPS) and XLSX. */
import ExcelJS from 'exceljs';
import type { PresentedEntry } from './audit.service.js';

const when = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' });

const COLUMNS: { header: string; width: number; value: (e: PresentedEntry) => string | number }[] = [
  { header: '序号', width: 8, value: (e) => e.seq },
  { header: '时间', width: 20, value: (e) => when(e.at) },
  { header: '操作人', width: 20, value: (e) => e.actorName },
  { header: '机构', width: 24, value: (e) => e.orgName ?? '' },
  { header: '操作', width: 22, value: (e) => e.actionLabel },
  { header: '对象', width: 32, value: (e) => e.targetLabel },
  { header: '内容摘要', width: 60, value: (e) => e.summaryText },
  { header: '哈希', width: 20, value: (e) => e.hash },
];

function csvCell(value: string | number): string {
  const text = String(value);
  // A cell starting with = + - @ is a formula to a spreadsheet: keep it text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(entries: PresentedEntry[]): Buffer {
  const lines = [COLUMNS.map((c) => c.header).join(','), ...entries.map((e) => COLUMNS.map((c) => csvCell(c.value(e))).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function auditWorkbook(entries: PresentedEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('审计日志');
  sheet.columns = COLUMNS.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  for (const e of entries) sheet.addRow(Object.fromEntries(COLUMNS.map((c, i) => [String(i), c.value(e)])));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
