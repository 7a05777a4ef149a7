import { z } from 'zod';

/**
 * Every error code the API answers with, its HTTP status and the Chinese message shown when the
 * thrower gives none more specific. Services throw `AppError(code)`; one handler maps it.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  ACCOUNT_LOCKED: { status: 423, message: '账号因多次登录失败已被锁定，请稍后再试或联系安全管理员解锁' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系系统管理员' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录或密码被重置后，须先修改密码' },
  CSRF_TOKEN_INVALID: { status: 403, message: '请求校验失败，请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  SEPARATION_OF_DUTIES: { status: 409, message: '系统管理员、安全管理员、审计管理员须由不同的人担任（三员分立）' },
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误' },
  WEAK_PASSWORD: { status: 400, message: '密码不符合要求' },
  WRONG_PASSWORD: { status: 400, message: '当前密码不正确' },
  INVALID_FILE: { status: 400, message: '文件无法读取，请上传 Excel（.xlsx）文件' },
  FILE_TOO_LARGE: { status: 413, message: '文件过大' },
  IMPORT_HAS_ERRORS: { status: 422, message: '导入文件有错误，未导入任何数据' },
  NOT_FOUND: { status: 404, message: '要找的内容不存在' },
  CONFLICT: { status: 409, message: '与已有数据冲突' },
  DUPLICATE_ID_NUMBER: { status: 409, message: '该公民身份号码已登记' },
  DUPLICATE_USERNAME: { status: 409, message: '该用户名已被使用' },
  ORG_NOT_EMPTY: { status: 409, message: '该组织下还有下级组织或党员，不能删除' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** One failing field of a validation error: `path` in the request, a Chinese `message`. */
export const FieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;
