/**
 * 发文字号 (GB/T 9704-2012 §7.2.5): 发文机关代字 + the year in full inside 六角括号 〔〕 +
 * the sequence number without 第 and without 虚位 (leading zeros) + 号, e.g. 国办发〔2017〕47号.
 *
 * 索引号: there is no national format; Gongkai's default is `<organisation code>/<year>-<5-digit serial>`
 * as on the central government portal (000014349/2017-00110).
 */
export interface DocNumber {
  /** 发文机关代字, e.g. 县政办发. */
  agencyCode: string;
  year: number;
  serial: number;
}

/** 1–20 Chinese characters or Latin letters (counted in code points), then 〔yyyy〕, then the serial and 号. */
const DOC_NUMBER = /^([\p{Script=Han}A-Za-z]{1,20})〔((?:19|20)\d{2})〕([1-9]\d{0,5})号$/u;

export function parseDocNumber(value: string): DocNumber | null {
  const m = DOC_NUMBER.exec(value.trim());
  return m ? { agencyCode: m[1], year: Number(m[2]), serial: Number(m[3]) } : null;
}

export function formatDocNumber(doc: DocNumber): string {
  return `${doc.agencyCode}〔${doc.year}〕${doc.serial}号`;
}

/** Brackets people type instead of the 六角括号: [] 【】 () （） ［］ ﹝﹞ (the small tortoise shell that Word offers) 〘〙 〖〗 {} 《》 <>. */
const OPEN = '[\\[【(（［﹝〘〖{｛《〈<〔]';
const CLOSE = '[\\]】)）］﹞〙〗}｝》〉>〕]';
const YEAR_IN_BRACKETS = new RegExp(`${OPEN}((?:19|20)\\d{2})${CLOSE}`);

function fullWidthDigitsToAscii(value: string): string {
  return value.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Fixes the usual mistakes and returns the corrected 发文字号, or null when it cannot be
 * corrected with confidence: other brackets for 〔〕, 第 before the serial, leading zeros,
 * spaces, full-width digits, a missing or traditional 号 (號).
 * `县政办发[2026]第012号` → `县政办发〔2026〕12号`.
 */
export function normalizeDocNumber(value: string): string | null {
  const fixed = fullWidthDigitsToAscii(value)
    .replace(/[\s\u3000]+/g, '')
    .replace(YEAR_IN_BRACKETS, '〔$1〕')
    .replace(/〕第/, '〕')
    .replace(/〕0+(?=[1-9])/, '〕')
    .replace(/號$/, '号')
    .replace(/(〕\d+)$/, '$1号');
  return parseDocNumber(fixed) ? fixed : null;
}

export type DocNumberCheck = { ok: true } | { ok: false; message: string; suggestion?: string };

const FORMAT_HINT = '正确格式为“发文机关代字〔年份〕序号号”，如：县政办发〔2026〕12号。';

/** Checks a 发文字号 and explains in Chinese what is wrong, with a corrected suggestion when one is certain. */
export function validateDocNumber(value: string): DocNumberCheck {
  const s = value.trim();
  if (!s) return { ok: false, message: `请填写发文字号。${FORMAT_HINT}` };
  if (parseDocNumber(s)) return { ok: true };

  const problems: string[] = [];
  if (/[\s\u3000]/.test(s)) problems.push('发文字号中不应有空格');
  if (/[\uFF10-\uFF19]/.test(s)) problems.push('年份和序号应使用半角阿拉伯数字');
  const plain = fullWidthDigitsToAscii(s).replace(/[\s\u3000]+/g, '');
  const bracket = new RegExp(`^(.*?)${OPEN}(\\d*)${CLOSE}(.*)$`, 'u').exec(plain);
  if (!bracket) {
    problems.push('年份应标全称并置于六角括号“〔〕”内');
  } else {
    const [whole, agency, year, rest] = bracket;
    const brackets = whole.slice(agency.length, agency.length + year.length + 2);
    if (brackets !== `〔${year}〕`) problems.push('年份应使用六角括号“〔〕”，不能使用“[]”“【】”“（）”等其他括号');
    if (!/^(?:19|20)\d{2}$/.test(year)) problems.push('年份应标全称（四位数字），如〔2026〕');
    const chars = Array.from(agency);
    if (chars.length === 0) problems.push('缺少发文机关代字');
    else if (chars.length > 20) problems.push('发文机关代字不应超过20个字');
    else if (!/^[\p{Script=Han}A-Za-z]+$/u.test(agency)) problems.push('发文机关代字只能由汉字或字母组成');
    if (rest.startsWith('第')) problems.push('序号前不加“第”字');
    const serial = /^第?(\d+)/.exec(rest)?.[1];
    if (serial === undefined) problems.push('缺少发文顺序号');
    else if (/^0+$/.test(serial)) problems.push('序号应从1开始');
    else if (serial.startsWith('0')) problems.push('序号不编虚位（不加前导“0”）');
    else if (serial.length > 6) problems.push('序号过长');
    if (serial !== undefined) {
      const after = rest.replace(/^第?\d+/, '');
      if (!/^[号號]/.test(after)) problems.push('序号后应加“号”字');
      else if (after.startsWith('號')) problems.push('应使用简体字“号”');
      else if (after.length > 1) problems.push('“号”字后不应有其他内容');
    }
  }
  const suggestion = normalizeDocNumber(s);
  return {
    ok: false,
    message: problems.length ? `${problems.join('；')}。${FORMAT_HINT}` : `发文字号格式不正确。${FORMAT_HINT}`,
    ...(suggestion && suggestion !== s ? { suggestion } : {}),
  };
}

// ---------------------------------------------------------------------------
// 索引号
// ---------------------------------------------------------------------------

export interface IndexNo {
  orgCode: string;
  year: number;
  serial: number;
}

/** A 组织机构代码 (GB 11714, optionally with its hyphen) or a 统一社会信用代码 (GB 32100). */
const INDEX_NO = /^([0-9A-Z]{8}-?[0-9A-Z]|[0-9A-Z]{18})\/((?:19|20)\d{2})-(\d{5})$/;
export const MAX_INDEX_SERIAL = 99_999;

/** `<orgCode>/<year>-<5-digit serial>`: 11990100123400151W/2026-00012. */
export function formatIndexNo(orgCode: string, year: number, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_INDEX_SERIAL) throw new RangeError(`索引号顺序号应为1至${MAX_INDEX_SERIAL}的整数`);
  if (!Number.isInteger(year) || year < 1900 || year > 2099) throw new RangeError('索引号年份应为四位年份');
  return `${orgCode}/${year}-${String(serial).padStart(5, '0')}`;
}

export function parseIndexNo(value: string): IndexNo | null {
  const m = INDEX_NO.exec(value.trim());
  if (!m || Number(m[3]) === 0) return null;
  return { orgCode: m[1], year: Number(m[2]), serial: Number(m[3]) };
}
