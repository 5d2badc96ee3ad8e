/**
 * Input no PostgreSQL text column can hold: a NUL character is refused at the edge
 * with a clear 400 instead of failing deep inside a query.
 */
import { AppError } from './errors.js';
import type { App } from './types.js';

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value as Record<string, unknown>).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}

export function registerInputGuards(app: App): void {
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.params) || containsNul(request.query) || containsNul(request.body)) {
      throw new AppError('VALIDATION_FAILED', [{ message: '内容中含有不允许的控制字符。' }]);
    }
  });
}
