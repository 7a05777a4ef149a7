import type { FieldIssue } from '@qizhi/domain';

/** The one error the web app knows: the server's `{error: {code, message, details}}`, or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field problems of a validation error, `[{path: 'idNumber', message}]`; empty when there are none. */
  get issues(): FieldIssue[] {
    if (!isRecord(this.details) || !Array.isArray(this.details.issues)) return [];
    return this.details.issues.filter(
      (i: unknown): i is FieldIssue => isRecord(i) && typeof i.path === 'string' && typeof i.message === 'string',
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The Chinese message to show for any error a request or a page may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后再试';
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Sign-in and session probing answer 401 as a normal outcome; they must not bounce to /login. */
  skipAuthRedirect?: boolean;
}

interface SessionHooks {
  onSignedOut: () => void;
  onPasswordChangeRequired: () => void;
}

let csrfToken: string | null = null;
let sessionHooks: SessionHooks = { onSignedOut: () => undefined, onPasswordChangeRequired: () => undefined };

/** The token from login or `GET /api/auth/me`; sent as `X-CSRF-Token` on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setSessionHooks(hooks: SessionHooks): void {
  sessionHooks = hooks;
}

/** Query values to URL parameters, leaving out the empty ones. */
export function toSearchParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  return params;
}

export function buildUrl(path: string, query?: Query): string {
  const text = query ? toSearchParams(query).toString() : '';
  return text ? `${path}?${text}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page): fall through to the generic message.
  }
  if (isRecord(body) && isRecord(body.error) && typeof body.error.code === 'string') {
    const message = typeof body.error.message === 'string' ? body.error.message : '操作失败';
    return new ApiError(response.status, body.error.code, message, body.error.details);
  }
  const message =
    response.status >= 500 ? '服务器暂时无法处理请求，请稍后再试' : `请求失败（${String(response.status)}）`;
  return new ApiError(response.status, 'HTTP_' + String(response.status), message);
}

async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (response.ok) return response;

  const error = await toApiError(response);
  if (!options.skipAuthRedirect) {
    if (error.status === 401) sessionHooks.onSignedOut();
    else if (error.code === 'PASSWORD_CHANGE_REQUIRED') sessionHooks.onPasswordChangeRequired();
  }
  throw error;
}

export async function request<T>(path: string, options?: RequestOptions): Promise<T> {
  const response = await send(path, options);
  // A 204 (or any empty answer) has no body to read.
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  return (await response.json()) as T;
}

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/** Fetches a file (so errors come back as ApiError, not as a JSON page) and hands it to the browser. */
async function download(path: string, query: Query | undefined, fallbackName: string, body?: unknown): Promise<string> {
  // With a body, the file is made from it (POST): e.g. the list of accounts just created.
  const response = await send(path, body === undefined ? { query } : { query, method: 'POST', body });
  const blob = await response.blob();
  const name = fileNameOf(response, fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
  return name;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: Omit<RequestOptions, 'query'>) =>
    request<T>(path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body' | 'method'>) =>
    request<T>(path, { ...options, method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
  upload: <T>(path: string, file: File, query?: Query) => {
    const form = new FormData();
    form.append('file', file);
    return request<T>(path, { method: 'POST', body: form, query });
  },
  download,
};
