/**
 * Keeps personal information (个人信息: 身份证号, phone, address, e-mail) out of logs and the audit trail.
 * Any field with one of these names is masked before it is written anywhere.
 */
const PERSONAL_KEYS = new Set([
  'idNumber', 'phone', 'mobile', 'address', 'email', 'postalAddress', 'password', 'queryPassword',
  'newPassword', 'currentPassword', 'token',
]);

function mask(value: unknown): string {
  const s = String(value ?? '');
  if (s.length <= 2) return '**';
  if (s.length <= 6) return `${s[0]}****`;
  return `${s.slice(0, 3)}****${s.slice(-2)}`;
}

export function redactPersonalData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redactPersonalData) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = PERSONAL_KEYS.has(k) && v != null && typeof v !== 'object' ? mask(v) : redactPersonalData(v);
    }
    return out as T;
  }
  return value;
}

/** pino redaction paths for request logs. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-query-password"]',
  'res.headers["set-cookie"]',
];
