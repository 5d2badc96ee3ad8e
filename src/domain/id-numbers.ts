/**
 * Check characters of Chinese identification numbers, and masking for display.
 *
 * - 居民身份证号码: GB 11643-1999 (18 characters, ISO 7064 MOD 11-2 check character);
 *   numbers issued before 1999 had 15 digits (2-digit year, no check character).
 * - 统一社会信用代码: GB 32100-2015 (18 characters, MOD 31 check character).
 * - 组织机构代码: GB 11714-1997 (8 characters + MOD 11 check character).
 *
 * Personal data is masked wherever it is shown to someone who does not need it in
 * full (条例第十五条; 个人信息保护法第五十一条 requires such security measures).
 */
import { isIsoDate, todayInChina, type IsoDate } from './dates.js';

// ---------------------------------------------------------------------------
// 居民身份证号码 (GB 11643-1999)
// ---------------------------------------------------------------------------

/** GB 11643-1999 weights W_i = 2^(i-1) mod 11, i counted from the right (the check character is i = 1). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character for (Σ a_i·W_i) mod 11 = 0 … 10; the value 10 is written X (GB 11643-1999). */
const ID_CHECK = '10X98765432';

/**
 * First two digits of the 地址码 (GB/T 2260 provinces; 71 台湾, 81 香港, 82 澳门;
 * 83 is used by 台湾居民居住证 numbers, which follow GB 11643 as well).
 */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** The GB 11643 check character of the first 17 digits (throws on anything else). */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}/.test(first17)) throw new RangeError('需要17位数字本体码');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

function birthDateProblem(yyyy: string, mm: string, dd: string, today: IsoDate): string | null {
  const iso = `${yyyy}-${mm}-${dd}`;
  if (!isIsoDate(iso)) return '身份证号码中的出生日期不是有效日期。';
  if (Number(yyyy) < 1900) return '身份证号码中的出生年份早于1900年。';
  if (iso > today) return '身份证号码中的出生日期晚于今天。';
  return null;
}

/**
 * Why `value` is not a valid 居民身份证号码, in Chinese for the applicant; null when valid.
 * 18 characters: 6-digit 地址码, 8-digit birth date (1900 ≤ year, not in the future),
 * 3-digit 顺序码, check character (X in upper or lower case). 15 digits: the pre-1999
 * form with a yymmdd birth date in the 1900s and no check character.
 * @param today the day to compare birth dates with (defaults to today in China)
 */
export function residentIdNumberProblem(value: string, today: IsoDate = todayInChina()): string | null {
  const s = value.trim().toUpperCase();
  if (/^\d{17}[\dX]$/.test(s)) {
    if (!PROVINCE_CODES.has(s.slice(0, 2))) return '身份证号码前6位地址码不正确。';
    const date = birthDateProblem(s.slice(6, 10), s.slice(10, 12), s.slice(12, 14), today);
    if (date) return date;
    if (residentIdCheckCharacter(s) !== s[17]) return '身份证号码校验码不正确，请核对。';
    return null;
  }
  if (/^\d{15}$/.test(s)) {
    if (!PROVINCE_CODES.has(s.slice(0, 2))) return '身份证号码前6位地址码不正确。';
    return birthDateProblem(`19${s.slice(6, 8)}`, s.slice(8, 10), s.slice(10, 12), today);
  }
  return '身份证号码应为18位（最后一位可为X），或15位旧号码。';
}

/** 18-digit numbers with a valid birth date and check character; 15-digit pre-1999 numbers with a valid date. */
export function isValidResidentIdNumber(value: string, today: IsoDate = todayInChina()): boolean {
  return residentIdNumberProblem(value, today) === null;
}

// ---------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015)
// ---------------------------------------------------------------------------

/** GB 32100-2015: digits and upper-case letters except I, O, Z, S, V; a character's value is its index here. */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100-2015 weights W_i = 3^(i-1) mod 31, i counted from the left. */
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/**
 * 登记管理部门代码 (first character, GB 32100-2015 and its amendment adding N):
 * 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管（工商）,
 * A 中央军委改革和编制办公室, N 农业农村, Y 其他. The second character, 机构类别代码, is a
 * digit 1–9 under every one of them (e.g. 9 → 1 企业, 2 个体工商户, 3 农民专业合作社).
 */
const CREDIT_CODE = /^[1-9ANY][1-9]\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The GB 32100 check character of the first 17 characters (throws on a character outside the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const v = CREDIT_ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new RangeError('统一社会信用代码含有不允许的字符');
    sum += v * CREDIT_WEIGHTS[i];
  }
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why `value` is not a valid 统一社会信用代码 (Chinese); null when valid. Lower case is accepted. */
export function creditCodeProblem(value: string): string | null {
  const s = value.trim().toUpperCase();
  if (s.length !== 18) return '统一社会信用代码应为18位。';
  if (/[IOZSV]/.test(s)) return '统一社会信用代码不使用字母I、O、Z、S、V。';
  if (!CREDIT_CODE.test(s)) return '统一社会信用代码格式不正确（第1位为登记管理部门代码，第2位为机构类别代码，第3—8位为行政区划码）。';
  if (creditCodeCheckCharacter(s) !== s[17]) return '统一社会信用代码校验码不正确，请核对。';
  return null;
}

export function isValidCreditCode(value: string): boolean {
  return creditCodeProblem(value) === null;
}

// ---------------------------------------------------------------------------
// 组织机构代码 (GB 11714-1997)
// ---------------------------------------------------------------------------

/** GB 11714-1997 weights of the 8 本体代码 characters. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Digits keep their value; letters A–Z count 10–35 (GB 11714-1997). */
function orgCharValue(c: string): number {
  return /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
}

/** C9 = 11 − (Σ C_i·W_i mod 11); 10 is written X and 11 is written 0. */
export function organizationCodeCheckCharacter(first8: string): string {
  if (!/^[0-9A-Z]{8}/.test(first8)) throw new RangeError('需要8位本体代码');
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += orgCharValue(first8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** 8 digits or upper-case letters, optionally a hyphen, then the check character (as printed on certificates: 12345678-9). */
export function isValidOrganizationCode(value: string): boolean {
  const m = /^([0-9A-Z]{8})-?([0-9X])$/.exec(value.trim().toUpperCase());
  return !!m && organizationCodeCheckCharacter(m[1]) === m[2];
}

// ---------------------------------------------------------------------------
// Masking
// ---------------------------------------------------------------------------

/** Full-width digits (０–９) and letters as typed by Chinese input methods → ASCII. */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Keeps the 6-digit 地址码 and the last 4 characters: 110105********002X. */
export function maskIdNumber(value: string): string {
  const s = toHalfWidth(value.trim());
  if (s.length <= 10) return `${s.slice(0, 2)}****`;
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** 138****5678; a +86 / 0086 country prefix is dropped. */
export function maskPhone(value: string): string {
  let digits = toHalfWidth(value).replace(/\D/g, '');
  if (digits.length > 11 && /^(?:0086|86)1\d{10}$/.test(digits)) digits = digits.slice(-11);
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** z***@example.com: the first character of the local part and the domain stay. */
export function maskEmail(value: string): string {
  const s = value.trim();
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return '****';
  return `${Array.from(s.slice(0, at))[0]}***${s.slice(at)}`;
}

/** 6222 **** **** 3445: the issuer prefix and the last 4 digits, as on receipts. */
export function maskBankCard(value: string): string {
  const digits = toHalfWidth(value).replace(/\D/g, '');
  if (digits.length < 8) return '****';
  return `${digits.slice(0, 4)} **** **** ${digits.slice(-4)}`;
}

/**
 * Keeps the first 6 characters (usually province, city, county) and hides the rest:
 * 北京市东城区****. Counted in characters, so a rare character outside the BMP is never split.
 */
export function maskAddress(value: string): string {
  const chars = Array.from(value.trim());
  return chars.length <= 6 ? `${chars.slice(0, 2).join('')}****` : `${chars.slice(0, 6).join('')}****`;
}
