/**
 * Finds personal information in text before it is published: 条例第十五条 (personal
 * privacy is not disclosed without consent) and 第十七条 (confidentiality review before
 * publication). It looks for 身份证号 with a valid GB 11643 check character (and 15-digit
 * pre-1999 numbers with a valid date), mobile numbers, bank card numbers passing the
 * Luhn check (ISO/IEC 7812), e-mail addresses, and configured sensitive words.
 *
 * Offsets and lengths count UTF-16 code units of the scanned string (JavaScript string
 * indices), as the API contract requires. Full-width digits (０–９, as typed by Chinese
 * input methods) are recognised too; they are single code units, so offsets are unaffected.
 */
import type { IsoDate } from './dates.js';
import { isValidResidentIdNumber, maskBankCard, maskEmail, maskIdNumber, maskPhone, toHalfWidth } from './id-numbers.js';

export type FindingType = 'idCard' | 'mobile' | 'bankCard' | 'email' | 'sensitiveWord';

export interface Finding {
  type: FindingType;
  /** UTF-16 code units from the start of the text. */
  offset: number;
  /** UTF-16 code units. */
  length: number;
  /** What the text shows after redaction. */
  masked: string;
  /** The matched text as written. */
  value: string;
}

export interface ScanOptions {
  /** Literal words matched case-insensitively (the configured list; none by default). */
  sensitiveWords?: string[];
  /** The day birth dates in 身份证号 are checked against (defaults to today in China). */
  today?: IsoDate;
}

/**
 * Suggested sensitive words for the confidentiality review (条例第十七条): 密级 marks as
 * GB/T 9704-2012 §7.2.2 prints them (绝密 / 机密 / 秘密★期限 — bare 秘密 is too common in
 * ordinary text such as 商业秘密) and the usual internal-circulation notes. Administrators
 * replace the list in 系统设置; the scanner itself has no default list.
 */
export const DEFAULT_SENSITIVE_WORDS: string[] = ['绝密', '机密', '秘密★', '内部资料', '注意保密', '不得外传'];

/** The Luhn (mod 10) check of ISO/IEC 7812 card numbers. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const D = '[0-9\\uFF10-\\uFF19]';
const X = '[Xx\\uFF38\\uFF58]';
/** Separators people put inside phone and card numbers: hyphen, space, full-width hyphen and space. */
const SEP = '[- \\u00A0\\u3000\\uFF0D]';
const MOBILE_BODY_SPACED = `[1\\uFF11][3-9\\uFF13-\\uFF19]${D}${SEP}${D}{4}${SEP}${D}{4}`;
const MOBILE_BODY = `[1\\uFF11][3-9\\uFF13-\\uFF19]${D}{9}`;
/** +86, 0086, (+86), （86）, or 86 followed by a separator. */
const COUNTRY_PREFIX = `(?:(?:\\+|00)[ ]?86${SEP}?|[(（][ ]?\\+?86[ ]?[)）][ ]?|86${SEP})`;

/**
 * A maximal run of digits: not preceded or followed by another digit, and not part of a
 * decimal number (12.5). 17 digits followed by X form one token, the X-form 身份证号.
 */
const DIGIT_RUN = new RegExp(`(?<!${D}|${D}[.．])(?:${D}{17}${X}|${D}+)(?!${D}|[.．]${D})`, 'g');
/** Mobile numbers with a country prefix, or written 3-4-4 with separators (138-1234-5678, 138 1234 5678). */
const MOBILE_WRITTEN = new RegExp(`(?<!${D}|${D}${SEP})(?:${COUNTRY_PREFIX}(?:${MOBILE_BODY_SPACED}|${MOBILE_BODY})|${MOBILE_BODY_SPACED})(?!${D}|${SEP}${D})`, 'g');
/** Card numbers printed in groups of four (6222 0202 0011 2233 445). */
const CARD_GROUPED = new RegExp(`(?<!${D}|${D}${SEP})${D}{4}(?:${SEP}${D}{4}){3}(?:${SEP}${D}{1,3})?(?!${D}|${SEP}${D})`, 'g');
/** RFC 5322-ish: dot-atom local part, dotted host names, alphabetic top-level domain. */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![A-Za-z0-9-]|\.[A-Za-z0-9])/g;

/** When two candidates start at the same offset and are equally long. */
const PRIORITY: Record<FindingType, number> = { idCard: 0, bankCard: 1, mobile: 2, email: 3, sensitiveWord: 4 };

function classifyDigitRun(run: string, today: IsoDate | undefined): { type: FindingType; masked: string } | null {
  const s = toHalfWidth(run).toUpperCase();
  // A number that passes GB 11643 is an ID even if it also passes Luhn.
  if ((s.length === 18 || s.length === 15) && isValidResidentIdNumber(s, today)) return { type: 'idCard', masked: maskIdNumber(s) };
  if (s.endsWith('X')) return null;
  if (s.length === 11 && /^1[3-9]/.test(s)) return { type: 'mobile', masked: maskPhone(s) };
  if (s.length === 13 && /^861[3-9]/.test(s)) return { type: 'mobile', masked: maskPhone(s) };
  if (s.length >= 16 && s.length <= 19 && luhnValid(s)) return { type: 'bankCard', masked: maskBankCard(s) };
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * All findings in `text`, sorted by offset and never overlapping: where candidates
 * overlap, the one starting first wins, then the longer one, then by type
 * (身份证号 before bank card before mobile before e-mail before sensitive word).
 */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const found: Finding[] = [];
  const add = (type: FindingType, offset: number, value: string, masked: string) => found.push({ type, offset, length: value.length, masked, value });

  for (const m of text.matchAll(DIGIT_RUN)) {
    const kind = classifyDigitRun(m[0], options.today);
    if (kind) add(kind.type, m.index!, m[0], kind.masked);
  }
  for (const m of text.matchAll(MOBILE_WRITTEN)) add('mobile', m.index!, m[0], maskPhone(m[0]));
  for (const m of text.matchAll(CARD_GROUPED)) {
    const digits = toHalfWidth(m[0]).replace(/\D/g, '');
    if (digits.length >= 16 && luhnValid(digits)) add('bankCard', m.index!, m[0], maskBankCard(digits));
  }
  for (const m of text.matchAll(EMAIL)) add('email', m.index!, m[0], maskEmail(m[0]));

  const words = [...new Set((options.sensitiveWords ?? []).map((w) => w.trim()).filter(Boolean))];
  for (const word of words) {
    // A regular expression keeps the offsets of `text` itself: lower-casing the text first
    // could change its length (e.g. İ → i̇) and shift every later offset.
    for (const m of text.matchAll(new RegExp(escapeRegExp(word), 'giu'))) {
      add('sensitiveWord', m.index!, m[0], '*'.repeat(Array.from(m[0]).length));
    }
  }

  found.sort((a, b) => a.offset - b.offset || b.length - a.length || PRIORITY[a.type] - PRIORITY[b.type]);
  const result: Finding[] = [];
  let end = 0;
  for (const f of found) {
    if (f.offset < end) continue;
    result.push(f);
    end = f.offset + f.length;
  }
  return result;
}

/** The text with each finding replaced by its masked form (overlapping findings after the first are skipped). */
export function redactText(text: string, findings: readonly Pick<Finding, 'offset' | 'length' | 'masked'>[]): string {
  let out = '';
  let pos = 0;
  for (const f of [...findings].sort((a, b) => a.offset - b.offset)) {
    if (f.offset < pos || f.offset + f.length > text.length) continue;
    out += text.slice(pos, f.offset) + f.masked;
    pos = f.offset + f.length;
  }
  return out + text.slice(pos);
}
