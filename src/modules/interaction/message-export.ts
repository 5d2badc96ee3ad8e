/** 来信台账 as CSV for a spreadsheet: Chinese headers and labels, names masked, no contact details. */
import Papa from 'papaparse';
import type { listMessages } from './messages-reading.service.js';

type Row = Awaited<ReturnType<typeof listMessages>>['items'][number];

/**
 * Text typed by the public goes into cells: one starting with = + - @ (or a tab or return) would be
 * run as a formula by a spreadsheet (CSV injection), so it is kept as text with a leading apostrophe.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function messagesCsv(rows: Row[]): string {
  const header = ['来信编号', '收到日期', '受理机关', '信箱', '类型', '渠道', '标题', '来信人', '状态', '答复期限', '答复日期', '承办部门', '评价'];
  const data = rows.map((r) => [
    r.trackingNo, r.receivedOn, r.orgName, r.boxName, r.typeLabel, r.channelLabel, r.subject, r.senderName, r.statusLabel, r.replyDueOn,
    r.repliedOn ?? '', r.assignedOrgName ?? '', r.ratingLabel ?? '',
  ].map(spreadsheetText));
  // A byte-order mark, so that Excel opens the UTF-8 file with its Chinese text intact.
  return `\uFEFF${Papa.unparse([header, ...data], { newline: '\r\n' })}\r\n`;
}
