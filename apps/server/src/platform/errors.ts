import { ERROR_CODES, type ErrorCode, type FieldIssue } from '@qizhi/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** The one error type services throw; the handler below turns it into `{error: {code, message, details}}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_CODES[code].message);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what}不存在`);
}

export function validationFailed(issues: FieldIssue[]): AppError {
  // The message is read by people: the field's code stays in `issues`, where forms place the error.
  const message = issues[0]?.message ?? ERROR_CODES.VALIDATION_FAILED.message;
  return new AppError('VALIDATION_FAILED', message, { issues });
}

/** Node's socket errors and PostgreSQL's connection and shutdown classes: the database is away, not the request wrong. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '53300',
]);

function isDatabaseUnreachable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, n = 0; e && n < 4; n++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNREACHABLE_CODES.has(code) || code.startsWith('08') || code.startsWith('57P')) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (
      /Connection terminated|timeout exceeded when trying to connect|PGlite is closed|Client has encountered a connection error/i.test(
        message,
      )
    )
      return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** PostgreSQL unique violations that a user can cause map to a clear conflict, never a 500. */
function fromDatabaseError(error: unknown): AppError | null {
  if (isDatabaseUnreachable(error)) return new AppError('DATABASE_UNAVAILABLE');
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  const constraint = e.constraint ?? e.cause?.constraint ?? '';
  if (code === '23505') {
    if (constraint.includes('id_number')) return new AppError('DUPLICATE_ID_NUMBER');
    if (constraint.includes('username')) return new AppError('DUPLICATE_USERNAME');
    if (constraint.includes('users_person')) return new AppError('CONFLICT', '该人员已有账号');
    return new AppError('CONFLICT');
  }
  if (code === '23503') return new AppError('CONFLICT', '引用的数据不存在或仍被使用');
  if (code === '22P02' || code === '22007' || code === '22008') return new AppError('VALIDATION_FAILED');
  return null;
}

/**
 * Fastify's router refuses an address whose percent-encoding is broken and a path parameter past 100
 * characters before any route or error handler runs, and answered both in English in a shape of its own
 * (a 414 `FST_ERR_MAX_PARAM_LENGTH`, found by the route fuzzer): `frameworkErrors` in app.ts sends them here.
 */
export function routerErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? '请求地址中的参数过长' : '请求地址格式不正确';
  void reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message } });
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    let appError: AppError | null = error instanceof AppError ? error : null;
    if (!appError && hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.').replace(/^body\.?/, ''),
        message: v.message ?? '格式不正确',
      }));
      appError = validationFailed(issues);
    }
    if (!appError) {
      appError = fromDatabaseError(error);
      if (appError?.code === 'DATABASE_UNAVAILABLE') request.log.warn({ err: error }, '数据库无法连接');
    }
    if (!appError && 'statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
      const status = error.statusCode;
      if (status === 413) appError = new AppError('PAYLOAD_TOO_LARGE');
      else if (status === 415) appError = new AppError('UNSUPPORTED_MEDIA_TYPE');
      else if (status === 429) appError = new AppError('RATE_LIMITED');
      else if (status === 404) appError = new AppError('NOT_FOUND');
      else
        appError = new AppError(
          'VALIDATION_FAILED',
          error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? '请求内容不是有效的 JSON'
            : '请求格式不正确',
        );
    }
    // A malformed multipart body (busboy's own errors carry no status): the request is wrong, not the server.
    if (
      !appError &&
      /Unexpected end of (form|multipart)|Malformed part header|Boundary not found|Multipart/i.test(error.message)
    )
      appError = new AppError('VALIDATION_FAILED', '上传内容格式不正确，请重新选择文件上传');
    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('INTERNAL');
    }
    void reply.status(appError.status).send({
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details === undefined ? {} : { details: appError.details }),
      },
    });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `没有这个接口：${request.method} ${request.url.split('?')[0] ?? ''}` },
    });
  });
}
