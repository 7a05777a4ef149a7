import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangePasswordRequest,
  ErrorResponse,
  LoginRequest,
  LoginResponse,
  MeResponse,
  OkResponse,
} from '@qizhi/domain';
import { clearSessionCookie, cookieIsSecure, sessionOf, setSessionCookie } from '../../platform/auth.ts';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './auth.service.ts';
import { setChallengeCookie, twoFactorRoutes } from './two-factor.routes.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
  await app.register(twoFactorRoutes);

  app.post(
    '/login',
    {
      config: { access: 'public', rateLimit: { max: app.deps.config.loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['登录'],
        summary: '登录',
        body: LoginRequest,
        response: { 200: LoginResponse, ...errors, 423: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await service.login(
        app.deps.database,
        { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] },
        app.securityEvents,
      );
      const secure = cookieIsSecure(request, app.deps.config.secureCookie);
      // 双因素登录: no session yet, only the cookie of the second step.
      if (result.kind === 'pending') setChallengeCookie(reply, result.token, result.expiresAt, secure);
      else setSessionCookie(reply, result.token, result.expiresAt, secure);
      return result.body;
    },
  );

  app.get(
    '/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['登录'],
        summary: '当前用户、角色和 CSRF 令牌',
        response: { 200: MeResponse, 401: ErrorResponse },
      },
    },
    async (request) => service.whoAmI(contextOf(request), sessionOf(request).csrfToken),
  );

  app.post(
    '/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['登录'], summary: '退出登录（结束服务器端会话）', response: { 200: OkResponse, ...errors } },
    },
    async (request, reply) => {
      await service.logout(contextOf(request), sessionOf(request).tokenHash);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/password',
    {
      // The same rate limit as sign-in: the current password is guessed here too.
      config: {
        access: 'authenticated',
        rateLimit: { max: app.deps.config.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['登录'],
        summary: '修改本人密码',
        body: ChangePasswordRequest,
        response: { 200: OkResponse, ...errors, 423: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request) => {
      await service.changePassword(contextOf(request), sessionOf(request).tokenHash, request.body);
      return { ok: true as const };
    },
  );
};
