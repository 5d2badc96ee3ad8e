/**
 * Finds personal information in text before it is published (条例第十五条: personal
 * privacy is not disclosed without consent): 身份证号 with a valid GB 11643 check
 * character, mobile numbers, bank card numbers passing the Luhn check, e-mail
 * addresses, and configured sensitive words. Offsets count UTF-16 code units.
 */
import { isValidResidentIdNumber, maskBankCard, maskEmail, maskIdNumber, maskPhone } from './id-numbers.js';

export type FindingType = 'idCard' | 'mobile' | 'bankCard' | 'email' | 'sensitiveWord';

export interface Finding {
  type: FindingType;
  offset: number;
  length: number;
  masked: string;
  value: string;
}

export const DEFAULT_SENSITIVE_WORDS = ['绝密', '机密★', '秘密★', '内部资料', '注意保密', '不得外传'];

export function luhnValid(digits: string): boolean {
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

/** Runs of digits (an ID may end in X) not glued to other digits or Latin letters. */
const DIGIT_RUN = /(?<![0-9A-Za-z])\d{11,19}[Xx]?(?![0-9A-Za-z])/g;
/** Mobile numbers written with separators or a +86 prefix. */
const MOBILE_SPACED = /(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d[- ]\d{4}[- ]\d{4}(?![0-9])/g;
const MOBILE_PREFIXED = /(?<![0-9])\+?86[- ]?1[3-9]\d{9}(?![0-9])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

function classifyDigits(run: string): { type: FindingType; masked: string } | null {
  const digits = run.toUpperCase();
  if ((digits.length === 18 || digits.length === 15) && isValidResidentIdNumber(digits)) return { type: 'idCard', masked: maskIdNumber(digits) };
  if (/X$/.test(digits)) return null;
  if (digits.length === 11 && /^1[3-9]/.test(digits)) return { type: 'mobile', masked: maskPhone(digits) };
  if (digits.length >= 16 && digits.length <= 19 && luhnValid(digits)) return { type: 'bankCard', masked: maskBankCard(digits) };
  return null;
}

export function scanText(text: string, options: { sensitiveWords?: string[] } = {}): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const kind = classifyDigits(m[0]);
    if (kind) found.push({ ...kind, offset: m.index!, length: m[0].length, value: m[0] });
  }
  for (const re of [MOBILE_SPACED, MOBILE_PREFIXED]) {
    for (const m of text.matchAll(re)) found.push({ type: 'mobile', offset: m.index!, length: m[0].length, masked: maskPhone(m[0].replace(/^\+?86[- ]?/, '')), value: m[0] });
  }
  for (const m of text.matchAll(EMAIL)) found.push({ type: 'email', offset: m.index!, length: m[0].length, masked: maskEmail(m[0]), value: m[0] });
  const lower = text.toLowerCase();
  for (const word of options.sensitiveWords ?? []) {
    const w = word.trim().toLowerCase();
    if (!w) continue;
    for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + w.length)) {
      found.push({ type: 'sensitiveWord', offset: i, length: w.length, masked: '*'.repeat(w.length), value: text.slice(i, i + w.length) });
    }
  }
  // Sorted, and overlapping matches resolved in favour of the earlier, longer one.
  found.sort((a, b) => a.offset - b.offset || b.length - a.length);
  const result: Finding[] = [];
  let end = -1;
  for (const f of found) {
    if (f.offset < end) continue;
    result.push(f);
    end = f.offset + f.length;
  }
  return result;
}

/** Replaces each finding with its masked form. */
export function redactText(text: string, findings: Pick<Finding, 'offset' | 'length' | 'masked'>[]): string {
  let out = '';
  let pos = 0;
  for (const f of [...findings].sort((a, b) => a.offset - b.offset)) {
    if (f.offset < pos) continue;
    out += text.slice(pos, f.offset) + f.masked;
    pos = f.offset + f.length;
  }
  return out + text.slice(pos);
}
