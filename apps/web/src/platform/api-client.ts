/**
 * The typed client of our own API: every call names the zod schema of its answer (from
 * `packages/domain`), and the answer is parsed against it, so a change of contract fails loudly at the
 * call rather than somewhere in a page. Features write one function per route in their own
 * `<feature>.api.ts` on top of these; components call those functions through TanStack Query hooks.
 */
import type { z } from 'zod';
import { api, ApiError, request, type Query, type RequestOptions } from './api.ts';

/**
 * An answer that does not match this page's schema: after an upgrade, a page loaded before it talks
 * to the new server. The person is told to reload, in Chinese; the mismatch goes to the console.
 */
export const STALE_PAGE_MESSAGE = '页面版本与服务器不一致（系统可能刚刚升级），请刷新页面后重试';

export async function parsed<S extends z.ZodType>(schema: S, promise: Promise<unknown>): Promise<z.output<S>> {
  const answer = schema.safeParse(await promise);
  if (answer.success) return answer.data;
  console.error('API answer does not match its schema', answer.error.issues);
  throw new ApiError(0, 'STALE_PAGE', STALE_PAGE_MESSAGE);
}

/** Per-call options: an abort signal (from TanStack Query), and no bounce to /login for session probes. */
export type CallOptions = Pick<RequestOptions, 'signal' | 'skipAuthRedirect'>;

export const call = {
  get: <S extends z.ZodType>(schema: S, path: string, query?: Query, options?: CallOptions) =>
    parsed(schema, request<unknown>(path, { ...options, query })),
  post: <S extends z.ZodType>(schema: S, path: string, body?: unknown, options?: CallOptions) =>
    parsed(schema, request<unknown>(path, { ...options, method: 'POST', body: body ?? {} })),
  put: <S extends z.ZodType>(schema: S, path: string, body: unknown) =>
    parsed(schema, request<unknown>(path, { method: 'PUT', body })),
  patch: <S extends z.ZodType>(schema: S, path: string, body: unknown) =>
    parsed(schema, request<unknown>(path, { method: 'PATCH', body })),
  delete: <S extends z.ZodType>(schema: S, path: string) =>
    parsed(schema, request<unknown>(path, { method: 'DELETE' })),
  /** Routes that answer 204 or a body the page does not read. */
  send: async (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<void> => {
    await request<unknown>(path, { method, body: body ?? (method === 'DELETE' ? undefined : {}) });
  },
  /** A file upload (`multipart/form-data`, field `file`), its answer parsed like any other. */
  upload: <S extends z.ZodType>(schema: S, path: string, file: File, query?: Query) =>
    parsed(schema, api.upload<unknown>(path, file, query)),
  /** A file download handed to the browser (POSTed when given a body); resolves to the file's name. */
  download: (path: string, query: Query | undefined, fallbackName: string, body?: unknown) =>
    api.download(path, query, fallbackName, body),
};

/** A path segment from an id or code, so nothing a user typed can change the route. */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}
