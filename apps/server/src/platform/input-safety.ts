import { CONTROL_CHARACTER_MESSAGE, CONTROL_CHARACTERS, normalizeText } from '@qizhi/domain';
import type { FastifyInstance } from 'fastify';
import { AppError, validationFailed } from './errors.ts';

/**
 * One pass over every string of a request's parameters, query and JSON body before validation, for
 * every route (the anonymous sign-in too): control characters are refused with a 400 naming the field,
 * the rest is normalised (NFC; bidi overrides and zero-width characters removed) — the domain's `Text`
 * rule, applied where no route can forget it. A PATCH with no field is a 400, not a write of nothing.
 */
export function registerInputSafety(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    request.params = clean(request.params, 'params');
    request.query = clean(request.query, 'query');
    if (request.body !== undefined && !Buffer.isBuffer(request.body)) request.body = clean(request.body, '');
    if (
      request.method === 'PATCH' &&
      request.body !== null &&
      typeof request.body === 'object' &&
      !Array.isArray(request.body) &&
      Object.keys(request.body).length === 0
    ) {
      throw new AppError('VALIDATION_FAILED', '没有要修改的内容：请至少提交一个字段');
    }
  });
}

function clean(value: unknown, path: string, depth = 0): unknown {
  if (typeof value === 'string') {
    if (CONTROL_CHARACTERS.test(value)) throw validationFailed([{ path, message: CONTROL_CHARACTER_MESSAGE }]);
    return normalizeText(value);
  }
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v, i) => clean(v, `${path}.${String(i)}`, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (CONTROL_CHARACTERS.test(key)) throw validationFailed([{ path, message: CONTROL_CHARACTER_MESSAGE }]);
    out[key] = clean(v, path ? `${path}.${key}` : key, depth + 1);
  }
  return out;
}
