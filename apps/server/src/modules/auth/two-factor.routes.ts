import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ErrorResponse,
  IdParams,
  OkResponse,
  RecoveryCodes,
  SecondFactorSignedIn,
  TwoFactorCodeRequest,
  TwoFactorSetup,
  TwoFactorStatus,
} from '@qizhi/domain';
import { cookieIsSecure, setSessionCookie } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { contextOf } from '../../platform/request-context.ts';
import { twoFactorKeys } from '../../platform/two-factor-key.ts';
import { openSession } from './auth.service.ts';
import * as service from './two-factor.service.ts';
import {
  actorOf,
  beginEnrolment,
  challengeHash,
  finishEnrolment,
  liveChallenge,
  verifyChallenge,
} from './two-factor.sign-in.ts';

/** The half-signed-in step's cookie: sent only to the second-step routes, never cross-site. */
export const CHALLENGE_COOKIE = 'qizhi_2fa';
const CHALLENGE_PATH = '/api/auth/two-factor';

export function setChallengeCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  void reply.setCookie(CHALLENGE_COOKIE, token, {
    path: CHALLENGE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure,
    expires: expiresAt,
  });
}

function clearChallengeCookie(reply: FastifyReply): void {
  void reply.clearCookie(CHALLENGE_COOKIE, { path: CHALLENGE_PATH });
}

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  409: ErrorResponse,
  423: ErrorResponse,
  429: ErrorResponse,
};

/** 双因素登录 under /api/auth: the second step of sign-in (public, by the challenge cookie) and one's own. */
export const twoFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['登录'];
  const keys = () => twoFactorKeys(app.deps.config);
  const now = () => app.deps.now?.() ?? Date.now();
  const rateLimit = { max: app.deps.config.loginRateLimitPerMinute, timeWindow: 60_000 };
  const userAgent = (request: FastifyRequest) => request.headers['user-agent'];

  /** The half-signed-in step of the cookie, on its court's handle (found by the token, migration 0028). */
  async function challengeOf(request: FastifyRequest) {
    const { database } = app.deps;
    const token = request.cookies[CHALLENGE_COOKIE];
    const court = token ? await database.courtOf('sign_in_challenge', challengeHash(token)) : null;
    const db = court ? database.forTenant(court) : database.db;
    return { db, found: await liveChallenge(db, token) };
  }

  async function signIn(
    request: FastifyRequest,
    reply: FastifyReply,
    found: Awaited<ReturnType<typeof liveChallenge>>,
  ) {
    const opened = await openSession(
      app.deps.database.forTenant(found.user.tenantId),
      found,
      actorOf(found, request.ip),
      {
        ip: request.ip,
        userAgent: userAgent(request),
      },
    );
    // The session cookie first: clients (and tests) read the first Set-Cookie.
    setSessionCookie(reply, opened.token, opened.expiresAt, cookieIsSecure(request, app.deps.config.secureCookie));
    clearChallengeCookie(reply);
    return opened.body;
  }

  app.post(
    '/two-factor/verify',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: '登录第二步：输入动态验证码或恢复码',
        body: TwoFactorCodeRequest,
        response: { 200: SecondFactorSignedIn, ...errors },
      },
    },
    async (request, reply) => {
      const { db, found } = await challengeOf(request);
      await verifyChallenge(db, keys(), found, request.body.code, request.ip, now());
      return signIn(request, reply, found);
    },
  );

  app.post(
    '/two-factor/enrolment',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: '登录第二步（须绑定）：生成密钥和二维码',
        response: { 200: TwoFactorSetup, ...errors },
      },
    },
    async (request) => {
      const { db, found } = await challengeOf(request);
      if (found.challenge.purpose !== 'enrol') throw new AppError('TWO_FACTOR_STEP_EXPIRED');
      return beginEnrolment(db, keys(), found.user);
    },
  );

  app.post(
    '/two-factor/enrolment/confirm',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: '登录第二步（须绑定）：输入第一个验证码，完成绑定并登录；恢复码只返回这一次',
        body: TwoFactorCodeRequest,
        response: { 200: SecondFactorSignedIn, ...errors },
      },
    },
    async (request, reply) => {
      const { db, found } = await challengeOf(request);
      const actor = actorOf(found, request.ip);
      const recoveryCodes = await finishEnrolment(
        db,
        keys(),
        found.user,
        found.settings,
        actor,
        request.body.code,
        now(),
      );
      return { ...(await signIn(request, reply, found)), recoveryCodes };
    },
  );

  app.get(
    '/two-factor',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '本人的双因素登录状态', response: { 200: TwoFactorStatus, 401: ErrorResponse } },
    },
    async (request) => service.status(contextOf(request)),
  );

  app.post(
    '/two-factor/setup',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '启用双因素登录：生成密钥和二维码', response: { 200: TwoFactorSetup, ...errors } },
    },
    async (request) => service.setup(contextOf(request), keys()),
  );

  app.post(
    '/two-factor/setup/confirm',
    {
      config: { access: 'authenticated', rateLimit },
      schema: {
        tags,
        summary: '启用双因素登录：输入第一个验证码；恢复码只返回这一次',
        body: TwoFactorCodeRequest,
        response: { 200: RecoveryCodes, ...errors },
      },
    },
    async (request) => ({
      recoveryCodes: await service.confirmSetup(contextOf(request), keys(), request.body.code, now()),
    }),
  );

  app.post(
    '/two-factor/recovery-codes',
    {
      config: { access: 'authenticated', rateLimit },
      schema: {
        tags,
        summary: '重新生成10个恢复码（须输入当前动态验证码）；原有恢复码全部作废，新恢复码只返回这一次',
        body: TwoFactorCodeRequest,
        response: { 200: RecoveryCodes, ...errors },
      },
    },
    async (request) => ({
      recoveryCodes: await service.regenerateRecoveryCodes(contextOf(request), keys(), request.body.code, now()),
    }),
  );

  app.post(
    '/two-factor/disable',
    {
      config: { access: 'authenticated', rateLimit },
      schema: {
        tags,
        summary: '关闭本人的双因素登录（本院要求的账号不能关闭）',
        body: TwoFactorCodeRequest,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await service.disable(contextOf(request), keys(), request.body.code, now());
      return { ok: true as const };
    },
  );
};

/** The 安全管理员's reset of another account's second factor (under /api). */
export const twoFactorResetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/users/:id/two-factor/reset',
    {
      config: { access: 'roles.assign' },
      schema: {
        tags: ['用户与角色'],
        summary: '重置账号的双因素登录（手机丢失等）；管理员账号只能在服务器上用命令行重置',
        params: IdParams,
        response: { 200: OkResponse, ...errors, 404: ErrorResponse },
      },
    },
    async (request) => {
      await service.resetByAdministrator(contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );
};
