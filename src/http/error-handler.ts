/**
 * Turns every failure into `{ code, message, details? }` with the right status (a browser
 * asking for a portal page gets the same as an HTML page). Expected failures are AppErrors;
 * validation and parsing failures become 4xx; anything else is logged and answered with a
 * generic 500 that leaks nothing.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LABELS } from '../domain/labels.js';
import { errorCodes } from './error-codes.js';
import { AppError, ErrorDetail, isAppError } from './errors.js';
import { renderErrorPage, renderNotFound, wantsPortalPage } from './error-pages.js';
import type { App } from './types.js';

function send(reply: FastifyReply, status: number, code: string, message: string, details?: ErrorDetail[]) {
  if (wantsPortalPage(reply.request)) return reply.code(status).type('text/html; charset=utf-8').send(renderErrorPage(reply.request, status, code, message, details));
  return reply.code(status).type('application/json; charset=utf-8').send({ code, message, ...(details?.length ? { details } : {}) });
}

/** A zod issue as zod gives it, or as fastify-type-provider-zod passes it on (code → keyword, the rest in params). */
export interface InputIssue {
  code: string;
  path: readonly PropertyKey[];
  message?: string;
  [key: string]: unknown;
}

const FIELD_NAMES: Record<string, string> = LABELS.formField;

/**
 * The Chinese name of the field at `path`: its full path (`applicant.name`), else its own name,
 * else the nearest enclosing field's (`externalFigures` for one of its entries). Array positions are ignored.
 */
export function fieldLabel(path: readonly PropertyKey[]): string | undefined {
  const names = path.filter((p) => typeof p === 'string' && !/^\d+$/.test(p)) as string[];
  for (let end = names.length; end > 0; end -= 1) {
    const own = names.slice(0, end);
    const label = FIELD_NAMES[own.join('.')] ?? FIELD_NAMES[own[own.length - 1]];
    if (label) return label;
  }
  return undefined;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const TYPE_WORDS: Record<string, string> = {
  number: '数字', int: '整数', bigint: '整数', boolean: '“是”或“否”', string: '文字', array: '列表', object: '一组内容', date: '日期',
};

/** What zod (in the Chinese locale) would have said by itself: a message that differs was written for the field on purpose. */
function isDefaultMessage(issue: InputIssue): boolean {
  if (!issue.message) return true;
  const { message: _m, ...raw } = issue;
  const made = z.config().localeError?.(raw as never);
  return (typeof made === 'string' ? made : made?.message) === issue.message || /^(无效|数值过|出现未知)/.test(issue.message);
}

const sentence = (text: string) => (/[。！？]$/.test(text) ? text : `${text}。`);

/**
 * One issue as a person reads it: names the field in Chinese and says what to do
 * (“请填写标题。”, “年份不能小于2000，请重新填写。”). `input` is what was validated: a
 * field that is absent or blank is reported as missing, whatever the schema says next.
 */
export function issueMessage(issue: InputIssue, input?: unknown): string {
  if (!issue.path.length && issue.code !== 'custom') return issue.code === 'unrecognized_keys' ? '提交的内容中有无法识别的项目，请删除后重新提交。' : '提交的内容格式不正确，请按表单或接口说明填写后重新提交。';
  const label = fieldLabel(issue.path) ?? '该项';
  const value = valueAt(input, issue.path);
  const blank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  // Left empty: whatever rule the value then breaks, what to do is to fill it in.
  if (blank && (issue.code === 'invalid_format' || issue.code === 'custom')) return `请填写${label}。`;
  // A rule only its author can put in words (a refinement, a pattern) keeps the author's message, naming the field.
  if ((issue.code === 'custom' || (issue.code === 'invalid_format' && issue.format === 'regex')) && !isDefaultMessage(issue)) {
    const text = issue.message!.includes(label) ? issue.message! : `${label}：${issue.message}`;
    return sentence(/请/.test(text) ? text : `${text.replace(/[。；]$/, '')}，请检查后重新填写`);
  }
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  switch (issue.code) {
    case 'invalid_type':
      if (blank) return issue.expected === 'boolean' || issue.expected === 'array' ? `请选择${label}。` : `请填写${label}。`;
      return `${label}应为${TYPE_WORDS[String(issue.expected)] ?? '正确的格式'}，请重新填写。`;
    case 'too_small':
      if (issue.origin === 'string') return blank || min <= 1 ? `请填写${label}。` : `${label}至少需要${min}个字符，请补充完整。`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${label}至少需要选择${min}项。`;
      if (issue.origin === 'date') return `${label}不能早于${String(issue.minimum)}，请重新选择。`;
      return issue.inclusive === false ? `${label}应大于${min}，请重新填写。` : `${label}不能小于${min}，请重新填写。`;
    case 'too_big':
      if (issue.origin === 'string') return `${label}不能超过${max}个字符，请删减后重新提交。`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${label}最多只能选择${max}项。`;
      if (issue.origin === 'date') return `${label}不能晚于${String(issue.maximum)}，请重新选择。`;
      return issue.inclusive === false ? `${label}应小于${max}，请重新填写。` : `${label}不能大于${max}，请重新填写。`;
    case 'invalid_value':
      return blank ? `请选择${label}。` : `${label}不在可选范围内，请从给出的选项中选择。`;
    case 'invalid_union':
      return blank ? `请选择${label}。` : `${label}不在可选范围内，请从给出的选项中选择。`;
    case 'invalid_format':
      if (issue.format === 'email') return `${label}格式不正确，请填写有效的电子邮箱地址（如 name@example.com）。`;
      if (issue.format === 'url') return `${label}格式不正确，请填写以 http:// 或 https:// 开头的网址。`;
      if (issue.format === 'date' || issue.format === 'datetime') return `${label}格式不正确，请按 YYYY-MM-DD 填写有效的日期。`;
      return `${label}格式不正确，请检查后重新填写。`;
    case 'not_multiple_of':
      return `${label}应为${String(issue.divisor)}的整数倍，请重新填写。`;
    case 'unrecognized_keys':
      return `${fieldLabel(issue.path) ?? '提交的内容'}中有无法识别的项目，请删除后重新提交。`;
    default:
      return `${label}格式不正确，请检查后重新填写。`;
  }
}

/** Every issue as `{ path, message }` (the API's `details`), in the order zod found them. */
export function issueDetails(issues: readonly Pick<InputIssue, 'code' | 'path' | 'message'>[], input?: unknown): ErrorDetail[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return { ...(path ? { path } : {}), message: issueMessage(issue as InputIssue, input) };
  });
}

/** The one-line summary of a failed validation, for `message` (the details say the same field by field). */
export function validationMessage(details: ErrorDetail[]): string {
  return details.length ? `提交的内容需要修改：${details.map((d) => d.message).join('')}` : errorCodes.VALIDATION_FAILED.message;
}

function validationDetails(error: FastifyError, request: FastifyRequest): ErrorDetail[] {
  const context = (error as FastifyError & { validationContext?: string }).validationContext;
  const input = context === 'body' ? request.body : context === 'querystring' ? request.query : context === 'params' ? request.params : context === 'headers' ? request.headers : undefined;
  const issues = (error.validation ?? []).map((v) => {
    const params = (v.params ?? {}) as Record<string, unknown>;
    const path = (v.instancePath || '').split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const missing = params.missingProperty as string | undefined;
    return { ...params, code: v.keyword, path: missing ? [...path, missing] : path, message: v.message } as InputIssue;
  });
  return issueDetails(issues, input);
}

const FASTIFY_CODES: Record<string, keyof typeof errorCodes> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_REQ_FILE_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_FILES_LIMIT: 'BODY_TOO_LARGE',
  FST_PARTS_LIMIT: 'BODY_TOO_LARGE',
  FST_FIELDS_LIMIT: 'BODY_TOO_LARGE',
};

export function registerErrorHandler(app: App): void {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    if (isAppError(error)) {
      // A portal page that does not exist is a page, not JSON.
      if (error.status === 404 && request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.code(404).type('text/html; charset=utf-8').send(renderNotFound(request));
      }
      // A service's own field check reads like the validator's: the fields' messages in one line.
      const message = error.code === 'VALIDATION_FAILED' && error.details?.length && error.message === errorCodes.VALIDATION_FAILED.message
        ? validationMessage(error.details) : error.message;
      return send(reply, error.status, error.code, message, error.details);
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const details = validationDetails(fe, request);
      return send(reply, 400, 'VALIDATION_FAILED', validationMessage(details), details);
    }
    const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
    if (mapped) return send(reply, errorCodes[mapped].status, mapped, errorCodes[mapped].message);
    // The rate limiter's own answer says how many seconds to wait; keep it.
    if (fe.statusCode === 429) return send(reply, 429, 'RATE_LIMITED', fe.code === 'RATE_LIMITED' && fe.message ? fe.message : errorCodes.RATE_LIMITED.message);
    if (fe instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && fe.code?.startsWith('FST_'))) {
      return send(reply, 400, 'VALIDATION_FAILED', '请求内容不是有效的 JSON 或格式不正确。');
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return send(reply, fe.statusCode, 'VALIDATION_FAILED', errorCodes.VALIDATION_FAILED.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, 'INTERNAL', errorCodes.INTERNAL.message);
  });
}
