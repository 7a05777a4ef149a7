/**
 * No personal number in any log line (issue 11): a failing query's error carries its parameters
 * (Drizzle puts them in the message), so every error is logged through `safeError`, which keeps the
 * type, code and where it happened, cuts the parameters and masks anything shaped like an ID or phone number.
 */

/** 18-digit 公民身份号码 (or 15-digit old ones), mainland mobiles and landlines with area code. */
const PERSONAL_NUMBER = /(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15}|1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?![\dA-Za-z])/g;

export function redactPersonalNumbers(text: string): string {
  return text.replace(PERSONAL_NUMBER, '[已隐去]');
}

/** Drizzle's "Failed query: …\nparams: …": the statement is kept, the parameters never. */
function withoutParams(text: string): string {
  return text.replace(/\bparams:[^\n]*/g, 'params: [已隐去]');
}

export interface SafeError {
  [key: string]: unknown;
  type: string;
  message: string;
  code?: string;
  stack: string;
  cause?: SafeError;
}

export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error))
    return { type: typeof error, message: redactPersonalNumbers(withoutParams(String(error))), stack: '' };
  const e = error as Error & { code?: unknown; cause?: unknown };
  const clean = (s: string) => redactPersonalNumbers(withoutParams(s));
  return {
    type: e.name,
    message: clean(e.message),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    // Only the frames: the first line of a stack repeats the message.
    stack: e.stack ? clean(e.stack.split('\n').slice(1).join('\n')) : '',
    ...(e.cause !== undefined && depth < 3 ? { cause: safeError(e.cause, depth + 1) } : {}),
  };
}

/** Pino serializers: whatever key an error is logged under, it goes through `safeError`. */
export const SAFE_LOG_SERIALIZERS = {
  err: (error: unknown) => safeError(error),
  error: (error: unknown) => safeError(error),
};
