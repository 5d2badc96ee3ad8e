/**
 * 发文字号 (GB/T 9704-2012 §7.2.5): 发文机关代字 + the year in full inside 六角括号 〔〕 +
 * a sequence number without 第 or leading zeros + 号, e.g. 县政办发〔2026〕12号.
 * 索引号: Gongkai's default `<organisation code>/<year>-<5-digit serial>`.
 */
export interface DocNumber {
  agencyCode: string;
  year: number;
  serial: number;
}

const DOC_NUMBER = /^([\u4e00-\u9fa5A-Za-z]{1,20})〔(\d{4})〕([1-9]\d{0,5})号$/;

export function parseDocNumber(value: string): DocNumber | null {
  const m = DOC_NUMBER.exec(value.trim());
  return m ? { agencyCode: m[1], year: Number(m[2]), serial: Number(m[3]) } : null;
}

/** Fixes the usual mistakes: [2026] or (2026) for 〔2026〕, 第, leading zeros. */
export function normalizeDocNumber(value: string): string {
  return value
    .trim()
    .replace(/[[【(（［]\s*(\d{4})\s*[\]】)）］]/, '〔$1〕')
    .replace(/〕\s*第\s*/, '〕')
    .replace(/〕0+(\d)/, '〕$1');
}

export function validateDocNumber(value: string): { ok: true } | { ok: false; message: string; suggestion?: string } {
  if (parseDocNumber(value)) return { ok: true };
  const suggestion = normalizeDocNumber(value);
  return {
    ok: false,
    message: '发文字号格式应为“发文机关代字〔年份〕序号号”，如：县政办发〔2026〕12号（年份用六角括号，序号不编虚位、不加“第”）。',
    ...(suggestion !== value && parseDocNumber(suggestion) ? { suggestion } : {}),
  };
}

export function formatIndexNo(orgCode: string, year: number, serial: number): string {
  return `${orgCode}/${year}-${String(serial).padStart(5, '0')}`;
}

export function parseIndexNo(value: string): { orgCode: string; year: number; serial: number } | null {
  const m = /^([0-9A-Z]{9,18})\/(\d{4})-(\d{5})$/.exec(value);
  return m ? { orgCode: m[1], year: Number(m[2]), serial: Number(m[3]) } : null;
}
