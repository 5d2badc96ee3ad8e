/**
 * Turns every failure into `{ code, message, details? }` with the right status (a browser
 * asking for a portal page gets the same as an HTML page). Expected failures are AppErrors;
 * validation and parsing failures become 4xx; anything else is logged and answered with a
 * generic 500 that leaks nothing.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorCodes } from './error-codes.js';
import { AppError, ErrorDetail, isAppError } from './errors.js';
import { renderErrorPage, renderNotFound, wantsPortalPage } from './error-pages.js';
import type { App } from './types.js';

function send(reply: FastifyReply, status: number, code: string, message: string, details?: ErrorDetail[]) {
  if (wantsPortalPage(reply.request)) return reply.code(status).type('text/html; charset=utf-8').send(renderErrorPage(reply.request, status, code, message, details));
  return reply.code(status).type('application/json; charset=utf-8').send({ code, message, ...(details?.length ? { details } : {}) });
}

function validationDetails(error: FastifyError): ErrorDetail[] {
  return (error.validation ?? []).map((v) => {
    const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
    const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
    return { path: path || missing || undefined, message: v.message ?? '格式不正确' };
  });
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
      return send(reply, error.status, error.code, error.message, error.details);
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const details = validationDetails(fe);
      const message = details.length ? `提交的数据不符合要求：${details.map((d) => (d.path ? `${d.path} ${d.message}` : d.message)).join('；')}` : errorCodes.VALIDATION_FAILED.message;
      return send(reply, 400, 'VALIDATION_FAILED', message, details);
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
