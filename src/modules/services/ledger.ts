/**
 * Reading a ledger of earlier cases (CSV) into validated rows (api-contract.md "service-case-ledger"):
 * columns itemCode, acceptedOn, completedOn, result, rating. Every bad row is reported with its line
 * number (line 1 is the header) and nothing is stored unless every row is good.
 */
import Papa from 'papaparse';
import { isIsoDate, type IsoDate } from '../../domain/dates.js';
import { SERVICE_CASE_RESULT_KEYS, SERVICE_CASE_RESULTS, type ServiceCaseResult } from '../../domain/services/case-state.js';

const HEADERS: Record<string, string> = {
  itemCode: 'itemCode', 事项编码: 'itemCode',
  acceptedOn: 'acceptedOn', 受理日期: 'acceptedOn',
  completedOn: 'completedOn', 办结日期: 'completedOn',
  result: 'result', 办结结果: 'result',
  rating: 'rating', 评价: 'rating',
};

/** The Chinese words are accepted too (the ledger is often typed by hand). */
const RESULT_WORDS: Record<string, ServiceCaseResult> = { 准予: 'approved', 办结: 'approved', 不予批准: 'rejected', 撤回: 'withdrawn', ...Object.fromEntries(Object.entries(SERVICE_CASE_RESULTS).map(([k, v]) => [v, k as ServiceCaseResult])) };

export interface ServiceLedgerRow {
  line: number;
  itemCode: string;
  acceptedOn: IsoDate;
  completedOn: IsoDate | null;
  result: ServiceCaseResult | null;
  rating: number | null;
}

export interface ServiceLedgerProblem {
  row: number;
  message: string;
}

export function parseServiceLedger(text: string, today: IsoDate): { rows: ServiceLedgerRow[]; problems: ServiceLedgerProblem[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => HEADERS[h.trim()] ?? h.trim() });
  const fields = parsed.meta.fields ?? [];
  const problems: ServiceLedgerProblem[] = [];
  for (const required of ['itemCode', 'acceptedOn']) {
    if (!fields.includes(required)) problems.push({ row: 1, message: `表头缺少列“${required}”（第一行应为表头：itemCode,acceptedOn,completedOn,result,rating）。` });
  }
  if (problems.length) return { rows: [], problems };
  const rows: ServiceLedgerRow[] = [];
  parsed.data.forEach((raw, i) => {
    const line = i + 2;
    const before = problems.length;
    const v = (k: string) => String(raw[k] ?? '').trim();
    const bad = (message: string) => problems.push({ row: line, message });
    const itemCode = v('itemCode');
    const acceptedOn = v('acceptedOn');
    const completedOn = v('completedOn') || null;
    const resultText = v('result');
    const result = resultText ? ((SERVICE_CASE_RESULT_KEYS as readonly string[]).includes(resultText) ? (resultText as ServiceCaseResult) : RESULT_WORDS[resultText] ?? null) : null;
    const ratingText = v('rating');
    if (!itemCode) bad('事项编码未填写。');
    if (!isIsoDate(acceptedOn)) bad(`受理日期“${acceptedOn}”不是有效日期（应为 YYYY-MM-DD）。`);
    else if (acceptedOn > today) bad('受理日期晚于今天。');
    if (completedOn && !isIsoDate(completedOn)) bad(`办结日期“${completedOn}”不是有效日期（应为 YYYY-MM-DD）。`);
    else if (completedOn && isIsoDate(acceptedOn) && completedOn < acceptedOn) bad('办结日期早于受理日期。');
    else if (completedOn && completedOn > today) bad('办结日期晚于今天。');
    if (resultText && !result) bad(`办结结果“${resultText}”无效，应为 approved（准予）、rejected（不予批准）、withdrawn（申请人撤回）之一。`);
    if (!!resultText !== !!completedOn) bad('办结日期和办结结果应同时填写（尚未办结的两项均留空）。');
    let rating: number | null = null;
    if (ratingText) {
      if (!/^[1-5]$/.test(ratingText)) bad(`评价“${ratingText}”无效，应为1至5（1 非常不满意 … 5 非常满意），未评价的留空。`);
      else if (!completedOn) bad('尚未办结的办件不能有评价。');
      else rating = Number(ratingText);
    }
    if (problems.length === before) rows.push({ line, itemCode, acceptedOn, completedOn, result, rating });
  });
  for (const e of parsed.errors) {
    if (e.row !== undefined && e.code !== 'TooFewFields' && e.code !== 'TooManyFields') problems.push({ row: e.row + 2, message: '该行格式不正确（引号或分隔符不匹配）。' });
  }
  problems.sort((a, b) => a.row - b.row);
  return { rows, problems };
}
