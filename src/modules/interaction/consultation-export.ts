/** 咨询台账 as CSV for a spreadsheet: Chinese headers and labels, no contact details. */
import Papa from 'papaparse';
import type { exportConsultations } from './interaction.service.js';

type Row = Awaited<ReturnType<typeof exportConsultations>>[number];

/**
 * Text typed by the public goes into cells: one starting with = + - @ (or a tab or return) would be
 * run as a formula by a spreadsheet (CSV injection), so it is kept as text with a leading apostrophe.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function consultationsCsv(rows: Row[]): string {
  const header = ['编号', '收到日期', '咨询机关', '渠道', '标题', '咨询内容', '咨询人', '状态', '答复内容', '是否公开答复', '答复日期'];
  const data = rows.map((r) => [
    String(r.id), r.receivedOn, r.orgName, r.channelLabel, r.subject, r.question, r.askerName, r.statusLabel,
    r.answer ?? '', r.status === 'answered' ? (r.publishAnswer ? '是' : '否') : '', r.answeredOn ?? '',
  ].map(spreadsheetText));
  // A byte-order mark, so that Excel opens the UTF-8 file with its Chinese text intact.
  return `\uFEFF${Papa.unparse([header, ...data], { newline: '\r\n' })}\r\n`;
}
