/** The console's only way to the server: JSON over /api/v1, with the session's CSRF token on writes. */
export interface ErrorDetail {
  path?: string;
  row?: number;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: ((message: string) => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export function setUnauthenticatedHandler(handler: (message: string) => void) {
  onUnauthenticated = handler;
}

export async function api<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (res.status === 204) return undefined as T;
  const data = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const err = typeof data === 'object' && data ? data : { code: 'HTTP_' + res.status, message: '请求失败' };
    const error = new ApiError(res.status, err.code, err.message ?? '请求失败', err.details ?? []);
    // The first /auth/me of a page load is how the console learns nobody is signed in: no notice for that.
    if (res.status === 401 && url !== '/api/v1/auth/login' && url !== '/api/v1/auth/me' && onUnauthenticated) onUnauthenticated(error.message);
    throw error;
  }
  return data as T;
}

/** Uploads a multipart form (files) with the session's CSRF token; throws ApiError like `api`. */
export async function upload<T = unknown>(url: string, form: FormData): Promise<T> {
  const res = await fetch(url, { method: 'POST', body: form, headers: { 'x-csrf-token': csrfToken ?? '' }, credentials: 'same-origin' });
  const data = res.headers.get('content-type')?.includes('json') ? await res.json() : {};
  if (!res.ok) throw new ApiError(res.status, data.code ?? `HTTP_${res.status}`, data.message ?? '上传失败', data.details ?? []);
  return data as T;
}

export const get = <T,>(url: string) => api<T>('GET', url);
export const post = <T,>(url: string, body?: unknown) => api<T>('POST', url, body ?? {});
export const put = <T,>(url: string, body?: unknown) => api<T>('PUT', url, body ?? {});
export const patch = <T,>(url: string, body?: unknown) => api<T>('PATCH', url, body ?? {});
export const del = <T,>(url: string) => api<T>('DELETE', url);

/** Maps server field errors onto antd Form fields. */
export function fieldErrors(error: unknown): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  return error.details.filter((d) => d.path).map((d) => ({ name: d.path!.split('.')[0], errors: [d.message] }));
}
