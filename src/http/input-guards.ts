/**
 * Text no PostgreSQL text or jsonb column can hold is refused at the edge, for every route,
 * with a 400 that names the field in Chinese, instead of failing deep inside a query (a 500):
 * - a NUL character;
 * - a lone UTF-16 surrogate (half of an emoji or a rare character, "\ud83d" in JSON): jsonb refuses
 *   it outright, and a text column would silently store a replacement character instead.
 * Checked in route parameters, query strings and parsed bodies (JSON and form). Multipart fields
 * and URL-encoded bytes are decoded as UTF-8, which never yields a lone surrogate.
 */
import { labelOf, LABELS } from '../domain/labels.js';
import { AppError, ErrorDetail } from './errors.js';
import type { App } from './types.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 20;
const MAX_REPORTED = 10;

type Problem = 'nul' | 'surrogate';

function problemOf(text: string): Problem | null {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  return null;
}

interface Finding {
  path: string[];
  problem: Problem;
}

function scan(value: unknown, path: string[], out: Finding[], depth = 0): void {
  if (out.length >= MAX_REPORTED) return;
  if (typeof value === 'string') {
    const problem = problemOf(value);
    if (problem) out.push({ path, problem });
    return;
  }
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => scan(v, [...path, String(i)], out, depth + 1));
    return;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const problem = problemOf(key);
    if (problem) out.push({ path: [...path, key], problem });
    else scan(v, [...path, key], out, depth + 1);
  }
}

const FIELD_NAMES = LABELS.formField as Record<string, string>;

/**
 * The Chinese name of a field from its path: the nearest segment (from the end) that the
 * vocabulary knows, a pair such as challenge.answer first; never the English key.
 */
export function fieldName(path: string[]): string {
  const named = path.filter((p) => !/^\d+$/.test(p));
  for (let i = named.length - 1; i >= 0; i -= 1) {
    const pair = i > 0 ? `${named[i - 1]}.${named[i]}` : undefined;
    if (pair && Object.prototype.hasOwnProperty.call(FIELD_NAMES, pair)) return FIELD_NAMES[pair];
    if (Object.prototype.hasOwnProperty.call(FIELD_NAMES, named[i])) return labelOf('formField', named[i]);
  }
  return '提交的内容';
}

const WHERE = { params: '地址中的', query: '查询条件中的', body: '' } as const;

function detailOf(where: keyof typeof WHERE, finding: Finding): ErrorDetail {
  const field = `${WHERE[where]}“${fieldName(finding.path)}”`;
  return {
    path: finding.path.join('.') || undefined,
    message: finding.problem === 'nul'
      ? `${field}中含有不允许的控制字符，请删除后重新提交。`
      : `${field}中含有无法识别的字符（不完整的表情符号或生僻字），请删除或重新输入后再提交。`,
  };
}

export function registerInputGuards(app: App): void {
  app.addHook('preValidation', async (request) => {
    const details: ErrorDetail[] = [];
    for (const where of ['params', 'query', 'body'] as const) {
      const findings: Finding[] = [];
      scan(request[where], [], findings);
      details.push(...findings.map((f) => detailOf(where, f)));
    }
    if (details.length) {
      const first = details[0].message.replace(/，请.*$/, '');
      throw new AppError('VALIDATION_FAILED', details, `提交的数据有误：${first}${details.length > 1 ? `等${details.length}处` : ''}，请修改后重新提交。`);
    }
  });
}
