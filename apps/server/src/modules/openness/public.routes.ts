import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DISCLOSURE_CATEGORIES,
  DISCLOSURE_SCOPES,
  ErrorResponse,
  PublicCourtQuery,
  PublicOpennessQuery,
  PublicOpennessResponse,
  PublicRotaQuery,
  PublicRotaResponse,
  redactPersonalNumbers,
} from '@qizhi/domain';
import { configuredAddress } from '../../platform/public-url.ts';
import { listPledgesOf, publicWeekRota } from '../reception/index.ts';
import { rssFeed } from './feed.ts';
import { KIOSK_CSS, kioskContent, kioskPage, type KioskData, type KioskScreenSource } from './kiosk.html.ts';
import { KIOSK_SCRIPT, KIOSK_SERVICE_WORKER } from './kiosk-script.ts';
import { PORTAL_CSS } from './portal.css.ts';
import { homeBody, itemBody, page, posterBody, pledgeList, rotaTable, type PortalLinks } from './portal.html.ts';
import { cachedPage } from './portal-cache.ts';
import {
  filterItems,
  publicAttachment,
  publicItem,
  publicItems,
  resolvePublicCourt,
  type PublicCourt,
} from './public.service.ts';
import { toTraditional } from './traditional.ts';

const errors = { 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse };
const tags = ['公开门户'];
const apiLimit = { max: 240, timeWindow: 60_000 };

/** Scripts only from us; no inline style or script: the portal needs neither. */
export const PUBLIC_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

/** Lenient reading of the portal's own query string: a wrong value shows the unfiltered page, never an error page. */
const PortalQuery = z.object({
  ...PublicCourtQuery,
  scope: z.enum(DISCLOSURE_SCOPES).optional().catch(undefined),
  category: z.enum(DISCLOSURE_CATEGORIES).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  zh: z.enum(['hant']).optional().catch(undefined),
  /** A kiosk's own idle time in seconds (a screen in a busy lobby may want it shorter than the setting). */
  idle: z.coerce.number().int().min(1).max(3600).optional().catch(undefined),
});
type PortalQuery = z.infer<typeof PortalQuery>;

/** The JSON of the portal: published items and the week's reception (contracts other tools rely on). */
export const publicOpennessApiRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.deps;
  app.get(
    '/openness',
    {
      config: { access: 'public', rateLimit: apiLimit },
      schema: {
        tags,
        summary: '已发布且在公开期内的党务、院务公开事项（无需登录）',
        querystring: PublicOpennessQuery,
        response: { 200: PublicOpennessResponse, ...errors },
      },
    },
    async (request, reply) => {
      const court = await resolvePublicCourt(database, config, request.query.court);
      void reply.header('cache-control', 'public, max-age=60');
      return {
        court: { code: court.code, name: court.name },
        items: await publicItems(database, court, request.query),
      };
    },
  );
  app.get(
    '/reception-rota',
    {
      config: { access: 'public', rateLimit: apiLimit },
      schema: {
        tags,
        summary: '某周的接访领导：姓名、职务、日期、时间、地点（无需登录）',
        querystring: PublicRotaQuery,
        response: { 200: PublicRotaResponse, ...errors },
      },
    },
    async (request, reply) => {
      const court = await resolvePublicCourt(database, config, request.query.court);
      void reply.header('cache-control', 'public, max-age=300');
      return publicWeekRota(database.forTenant(court.id), court, request.query.week);
    },
  );
};

/** The court's items on show, this week's rota and the pledges: kept 30 s (portal-cache.ts says why). */
async function homeData(app: Parameters<FastifyPluginAsyncZod>[0], court: PublicCourt) {
  const { database } = app.deps;
  return cachedPage(court.id, 'home', async () => ({
    items: await publicItems(database, court),
    rota: await publicWeekRota(database.forTenant(court.id), court, undefined),
    pledges: await listPledgesOf(database.forTenant(court.id), court.id, true),
  }));
}

/** The server-rendered portal (/public), its feed, and the lobby kiosk (/kiosk): readable without scripts. */
export const publicPortalRoutes: FastifyPluginAsyncZod<{ kioskScreens?: readonly KioskScreenSource[] }> = async (
  app,
  opts,
) => {
  const { database, config } = app.deps;
  const hide = { hide: true };
  const html = (reply: import('fastify').FastifyReply, body: string) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=30')
      .header('content-security-policy', PUBLIC_CSP)
      .send(body);
  const read = (query: unknown): PortalQuery => PortalQuery.catch({}).parse(query);
  const linksOf = (q: PortalQuery): PortalLinks => ({ court: q.court, hant: q.zh === 'hant' });
  const courtOf = (q: PortalQuery) => resolvePublicCourt(database, config, q.court);
  const asset = (path: string, type: string, body: string) =>
    app.get(path, { config: { access: 'public' }, schema: hide }, async (_request, reply) =>
      reply.type(type).header('cache-control', 'public, max-age=3600').send(body),
    );
  asset('/public/portal.css', 'text/css; charset=utf-8', PORTAL_CSS);
  asset('/kiosk/kiosk.css', 'text/css; charset=utf-8', KIOSK_CSS);
  asset('/kiosk/kiosk.js', 'text/javascript; charset=utf-8', KIOSK_SCRIPT);
  asset('/kiosk-sw.js', 'text/javascript; charset=utf-8', KIOSK_SERVICE_WORKER);

  app.get('/public', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const q = read(request.query);
    const court = await courtOf(q);
    const render = async () => {
      const data = await homeData(app, court);
      const items = filterItems(data.items, q);
      const body = homeBody({ ...data, items, scope: q.scope, category: q.category, q: q.q }, linksOf(q));
      return toScript(page({ title: '党务公开 院务公开', courtName: court.name, links: linksOf(q), body }), q);
    };
    const filtered = q.scope || q.category || q.q;
    // The unfiltered home page is the one fifty visitors ask for at once: kept rendered.
    return html(reply, filtered ? await render() : await cachedPage(court.id, `home.html|${q.zh ?? ''}`, render));
  });
  app.get('/public/items/:id', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const q = read(request.query);
    const court = await courtOf(q);
    const item = await publicItem(database, court, (request.params as { id: string }).id);
    const body = itemBody(item, linksOf(q));
    return html(reply, await toScript(page({ title: item.title, courtName: court.name, links: linksOf(q), body }), q));
  });
  app.get('/public/items/:id/poster', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const q = read(request.query);
    const court = await courtOf(q);
    const item = await publicItem(database, court, (request.params as { id: string }).id);
    return html(
      reply,
      await toScript(
        page({
          title: item.title,
          courtName: court.name,
          links: linksOf(q),
          body: posterBody(item, court.name),
          bare: true,
        }),
        q,
      ),
    );
  });
  app.get('/public/items/:id/files/:fileId', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const q = read(request.query);
    const court = await courtOf(q);
    const { id, fileId } = request.params as { id: string; fileId: string };
    const file = await publicAttachment(database, court, id, fileId);
    const data = await app.deps.storage.get(file.storageKey);
    // A text file is redacted like every text the portal shows; other formats are checked by the approver.
    const body = file.mime.startsWith('text/') ? redactPersonalNumbers(data.toString('utf8')) : data;
    const inline = file.mime.startsWith('image/') || file.mime === 'application/pdf';
    return reply
      .type(file.mime)
      .header(
        'content-disposition',
        `${inline ? 'inline' : 'attachment'}; filename="file"; filename*=UTF-8''${encodeURIComponent(redactPersonalNumbers(file.name))}`,
      )
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  });
  app.get('/public/rota', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const q = read(request.query);
    const court = await courtOf(q);
    const data = await homeData(app, court);
    const body = `<section class="card"><h2>本周接访领导（${data.rota.week.start} 至 ${data.rota.week.end}）</h2>${rotaTable(data.rota)}<p class="muted">院领导每周挂牌接待来访群众。来访请携带本人身份证件。</p></section>`;
    return html(reply, await toScript(page({ title: '领导接访', courtName: court.name, links: linksOf(q), body }), q));
  });
  app.get('/public/pledges', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const q = read(request.query);
    const court = await courtOf(q);
    const data = await homeData(app, court);
    const body = `<section class="card"><h2>服务承诺</h2>${pledgeList(data.pledges)}</section>`;
    return html(reply, await toScript(page({ title: '服务承诺', courtName: court.name, links: linksOf(q), body }), q));
  });
  app.get('/public/feed.xml', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const q = read(request.query);
    const court = await courtOf(q);
    const data = await homeData(app, court);
    const xml = rssFeed({
      courtName: court.name,
      baseUrl: configuredAddress(config),
      courtQuery: q.court ? `?court=${q.court}` : '',
      items: data.items,
    });
    return reply.type('application/rss+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
  });

  const kioskData = async (q: PortalQuery): Promise<KioskData> => {
    const court = await courtOf(q);
    const courtQuery = q.court ? `?court=${q.court}` : '';
    const extra = await Promise.all((opts.kioskScreens ?? []).map((source) => source(database, court, courtQuery)));
    return {
      courtName: court.name,
      ...(await homeData(app, court)),
      extraScreens: extra.filter((x) => x !== null),
    };
  };
  app.get('/kiosk', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const q = read(request.query);
    return html(reply, kioskPage(await kioskData(q), q.idle ?? config.kioskIdleSeconds));
  });
  app.get('/kiosk/content', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const q = read(request.query);
    return html(reply, kioskContent(await kioskData(q)));
  });
};

/** 繁體: the page converted on the server (see traditional.ts); the simplified page as it is. */
async function toScript(htmlText: string, q: PortalQuery): Promise<string> {
  return q.zh === 'hant' ? toTraditional(htmlText) : htmlText;
}
