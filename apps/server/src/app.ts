import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db.ts';
import { registerAuth } from './platform/auth.ts';
import { registerErrorHandler, routerErrorHandler } from './platform/errors.ts';
import { fieldKeys, useFieldKeys } from './platform/field-crypto.ts';
import { registerInputSafety } from './platform/input-safety.ts';
import { registerSecurityEvents } from './platform/security-hooks.ts';
import { SAFE_LOG_SERIALIZERS } from './platform/log-safety.ts';
import { WEB_DIST } from './platform/paths.ts';
import { localStorage, type FileStorage } from './platform/storage.ts';
import { MAX_UPLOAD_BYTES } from './platform/uploads.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { authRoutes, twoFactorResetRoutes } from './modules/auth/index.ts';
import { fileRoutes, type AttachmentHolder } from './modules/files/index.ts';
import { healthRoutes } from './modules/health/index.ts';
import { memberRoutes } from './modules/members/index.ts';
import { orgRoutes } from './modules/org/index.ts';
import { userRoutes } from './modules/users/index.ts';
import {
  calendarRoutes,
  complianceRoutes,
  deliberationRoutes,
  meetingAttachments,
  meetingRecordRoutes,
  meetingRoutes,
} from './modules/meetings/index.ts';
import { goalReportAttachments, goalRoutes } from './modules/goals/index.ts';
import { centreRoutes } from './modules/centre/index.ts';
import { commitmentRoutes, publicCommitmentRoutes } from './modules/commitments/index.ts';
import { ruleAttachments, rulesLibraryRoutes } from './modules/rules-library/index.ts';
import { honourAttachments, honourRoutes } from './modules/honours/index.ts';
import { assessmentRoutes } from './modules/assessments/index.ts';
import { dutyReportAttachments, evaluationRoutes } from './modules/evaluations/index.ts';
import { notificationRoutes, queueNotice } from './modules/notifications/index.ts';
import { meRoutes } from './modules/me/index.ts';
import { duesRoutes } from './modules/dues/index.ts';
import { developmentAttachments, developmentRoutes } from './modules/development/index.ts';
import { partyStatsRoutes } from './modules/party-stats/index.ts';
import { transferRoutes } from './modules/transfers/index.ts';
import { studyAttachments, studyRoutes } from './modules/study/index.ts';
import { campaignAttachments, campaignRoutes } from './modules/campaigns/index.ts';
import {
  disclosureAttachments,
  opennessRoutes,
  publicOpennessApiRoutes,
  publicPortalRoutes,
} from './modules/openness/index.ts';
import { inquiryRoutes, receptionRoutes } from './modules/reception/index.ts';
import { retentionRoutes } from './modules/retention/index.ts';
import {
  cultureKioskScreen,
  cultureWallImages,
  cultureWallRoutes,
  displayRoutes,
} from './modules/culture-wall/index.ts';

/**
 * Every kind of record files are attached to: a download goes through them (modules/files/attachments.ts).
 * `files/attachments.int.test.ts` fails when a table referencing `files` is missing here.
 */
export const ATTACHMENT_HOLDERS: readonly AttachmentHolder[] = [
  meetingAttachments,
  goalReportAttachments,
  honourAttachments,
  ruleAttachments,
  studyAttachments,
  campaignAttachments,
  dutyReportAttachments,
  disclosureAttachments,
  cultureWallImages,
  developmentAttachments,
];

export interface AppDeps {
  config: Config;
  database: Database;
  storage: FileStorage;
  /** The clock of TOTP codes (双因素登录); tests move it, everything else reads Date.now. */
  now?: () => number;
}

/** Ant Design writes its styles at run time, hence inline styles; scripts only from our own origin. */
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

export interface RouteEntry {
  method: string;
  url: string;
  access: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** Every route with what it declared, so a test can prove none is unguarded. */
    routeTable: RouteEntry[];
  }
}

export async function buildApp(
  base: Omit<AppDeps, 'storage'> & { storage?: FileStorage },
  opts: { logger?: boolean; logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const deps: AppDeps = { ...base, storage: base.storage ?? localStorage(path.join(base.config.dataDir, 'files')) };
  // Personal numbers are sealed and opened with the server key (platform/field-crypto.ts).
  useFieldKeys(fieldKeys(deps.config));
  const app = Fastify({
    // Errors are logged through safeError: no query parameter and no personal number reaches the log.
    logger:
      opts.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            serializers: SAFE_LOG_SERIALIZERS,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
          },
    bodyLimit: 1024 * 1024,
    // One line per request is for debugging; at info the log keeps to what an operator acts on.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(deps.config.logLevel) }),
    trustProxy: false,
    // Our own ids are UUIDs; this keeps Fastify's request ids from colliding across restarts in logs.
    genReqId: () => crypto.randomUUID(),
    // A broken address or an over-long path parameter: our error shape, in Chinese (platform/errors.ts).
    frameworkErrors: routerErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('deps', deps);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  // Before any plugin registers routes, so every route (the documentation's too) is seen here.
  app.addHook('onRoute', (route) => {
    // The web app's built files are public; the API documentation is for officers and administrators
    // (it lists every route and field); every other /api route declares its own access.
    const isStaticAsset = !route.url.startsWith('/api') && route.config?.access === undefined;
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'api.docs' };
    else if (isStaticAsset) route.config = { ...route.config, access: 'public' };
    // Compression is for the API; the web app's files are served pre-compressed (see below).
    if (!route.url.startsWith('/api')) route.compress = false;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routeTable.push({ method, url: route.url, access: route.config?.access });
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '旗帜 Qizhi API',
        version: '1.0.0',
        description: '人民法院党建工作平台接口。状态变更请求须带 X-CSRF-Token 请求头。',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'qizhi_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  // Responses of the API from 4 KB up, gzip only at level 1: on JSON full of ids brotli (quality 4)
  // saves no more than gzip yet costs twice the CPU of gzip level 1, which keeps ≈85 % of the saving
  // (a 0.9 MB goal level: 158 KB in 7 ms). Registered after the hook above, which exempts the web
  // app's files; request bodies are not decompressed (the body limit stays what it says).
  await app.register(compress, {
    encodings: ['gzip'],
    threshold: 4096,
    zlibOptions: { level: 1 },
    globalDecompression: false,
  });

  app.addHook('onSend', async (request, reply) => {
    // API answers and exports carry personal data: no browser or proxy keeps them — unless the route
    // said otherwise for an answer without any (the public commitments page, the private calendar feed).
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      void reply.header('cache-control', 'no-store');
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('x-frame-options', 'SAMEORIGIN');
  });

  registerAuth(app, deps.database);
  // Refusals (403, CSRF, 429, 404 by id) become audited security events; past the threshold the
  // court's notification channels carry an alert for the 安全管理员 (docs/security.md).
  registerSecurityEvents(app, deps.database, deps.config, (tenantId, count) =>
    queueNotice(
      deps.database.forTenant(tenantId),
      tenantId,
      {
        source: 'security.alert',
        key: `security-alert-${String(Math.floor(Date.now() / 600_000))}`,
        title: '安全告警',
        body: `10分钟内发生${String(count)}次安全事件（越权、校验失败、限流、试探访问等），请安全管理员登录查看并核查。`,
        link: '/admin/audit',
      },
      app.log,
    ),
  );
  registerInputSafety(app);
  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(orgRoutes, { prefix: '/api' });
  await app.register(memberRoutes, { prefix: '/api/members' });
  await app.register(userRoutes, { prefix: '/api' });
  await app.register(twoFactorResetRoutes, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(fileRoutes, { prefix: '/api/files', holders: ATTACHMENT_HOLDERS });
  await app.register(meetingRoutes, { prefix: '/api' });
  await app.register(meetingRecordRoutes, { prefix: '/api' });
  await app.register(complianceRoutes, { prefix: '/api' });
  await app.register(deliberationRoutes, { prefix: '/api' });
  await app.register(calendarRoutes, { prefix: '/api' });
  await app.register(goalRoutes, { prefix: '/api' });
  await app.register(centreRoutes, { prefix: '/api/centre' });
  await app.register(commitmentRoutes, { prefix: '/api/commitments' });
  await app.register(publicCommitmentRoutes, { prefix: '/api/public' });
  await app.register(rulesLibraryRoutes, { prefix: '/api/rules' });
  await app.register(honourRoutes, { prefix: '/api' });
  await app.register(assessmentRoutes, { prefix: '/api' });
  await app.register(evaluationRoutes, { prefix: '/api' });
  await app.register(notificationRoutes, { prefix: '/api/notifications' });
  await app.register(meRoutes, { prefix: '/api/me' });
  await app.register(duesRoutes, { prefix: '/api/dues' });
  await app.register(developmentRoutes, { prefix: '/api/development' });
  await app.register(partyStatsRoutes, { prefix: '/api/party-stats' });
  await app.register(transferRoutes, { prefix: '/api/transfers' });
  await app.register(studyRoutes, { prefix: '/api' });
  await app.register(campaignRoutes, { prefix: '/api' });
  await app.register(opennessRoutes, { prefix: '/api/openness' });
  await app.register(publicOpennessApiRoutes, { prefix: '/api/public' });
  await app.register(receptionRoutes, { prefix: '/api/reception' });
  await app.register(inquiryRoutes, { prefix: '/api/inquiries' });
  await app.register(retentionRoutes, { prefix: '/api/retention' });
  // The server-rendered openness portal and lobby kiosk: outside the web app, readable without scripts.
  await app.register(publicPortalRoutes, { kioskScreens: [cultureKioskScreen] });
  // 文化墙: the staff routes and the corridor screens' display pages (server-rendered, no sign-in).
  await app.register(cultureWallRoutes, { prefix: '/api/culture-wall' });
  await app.register(displayRoutes);

  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      preCompressed: true,
      wildcard: false,
      index: false,
      // Built assets carry a content hash in their names, so a browser may keep them for good.
      setHeaders: (reply, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          void reply.header('cache-control', 'public, max-age=31536000, immutable');
        // /index.html asked for by name is the same page as every route: the same policy.
        if (filePath.endsWith(`${path.sep}index.html`)) void reply.header('content-security-policy', PAGE_CSP);
      },
    });
    const indexHtml = fs.readFileSync(path.join(WEB_DIST, 'index.html'));
    // Every other GET outside /api is a page of the single-page app.
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply
          .status(404)
          .send({ error: { code: 'NOT_FOUND', message: `没有这个接口：GET ${request.url.split('?')[0] ?? ''}` } });
      }
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', PAGE_CSP)
        .send(indexHtml);
    });
  }
  return app;
}
