/**
 * Check characters of Chinese identification numbers, and masking for display.
 */
import { isIsoDate } from './dates.js';

// GB 11643-1999 居民身份证号码: ISO 7064 MOD 11-2 over the first 17 digits.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

function validBirthDate(yyyy: string, mm: string, dd: string, today = new Date()): boolean {
  const iso = `${yyyy}-${mm}-${dd}`;
  if (!isIsoDate(iso) || Number(yyyy) < 1900) return false;
  return iso <= today.toISOString().slice(0, 10);
}

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** 18-digit numbers with a valid birth date and check character; 15-digit pre-1999 numbers with a valid date. */
export function isValidResidentIdNumber(value: string): boolean {
  const s = value.trim().toUpperCase();
  if (/^\d{17}[\dX]$/.test(s)) {
    return validBirthDate(s.slice(6, 10), s.slice(10, 12), s.slice(12, 14)) && residentIdCheckCharacter(s) === s[17];
  }
  if (/^\d{15}$/.test(s)) return validBirthDate(`19${s.slice(6, 8)}`, s.slice(8, 10), s.slice(10, 12));
  return false;
}

// GB 32100-2015 统一社会信用代码: 18 characters, the last a MOD 31 check character.
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CREDIT_ALPHABET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(value: string): boolean {
  const s = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return false;
  return creditCodeCheckCharacter(s) === s[17];
}

// GB 11714-1997 组织机构代码: 8 characters and a MOD 11 check character (10 → X, 11 → 0).
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCharValue(c: string): number {
  return /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
}

export function isValidOrganizationCode(value: string): boolean {
  const s = value.trim().toUpperCase().replace('-', '');
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += orgCharValue(s[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return (c === 10 ? 'X' : c === 11 ? '0' : String(c)) === s[8];
}

export function maskIdNumber(value: string): string {
  const s = value.trim();
  if (s.length <= 10) return `${s.slice(0, 2)}****`;
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskEmail(value: string): string {
  const [user, domain] = value.split('@');
  if (!domain) return '****';
  return `${user.slice(0, 1)}***@${domain}`;
}

export function maskBankCard(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `${digits.slice(0, 4)} **** **** ${digits.slice(-4)}`;
}

export function maskAddress(value: string): string {
  const s = value.trim();
  return s.length <= 6 ? `${s.slice(0, 2)}****` : `${s.slice(0, 6)}****`;
}
