import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublicCourtQuery } from '@qizhi/domain';
import type { Database } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { PUBLIC_CSP, resolvePublicCourt } from '../openness/index.ts';
import { DISPLAY_SCRIPT, DISPLAY_SERVICE_WORKER } from './display-script.ts';
import { DISPLAY_CSS, displayPage, etagOf, slidesHtml, type CourtQuery } from './display.html.ts';
import { kioskShow, posterImage, screenShow } from './display.service.ts';

/** Lenient, as the portal's: a wrong value is ignored, never an error page on a corridor screen. */
const DisplayQuery = z.object({
  ...PublicCourtQuery,
  /** How often the screen asks whether its playlist changed, in seconds. */
  poll: z.coerce.number().int().min(2).max(3600).optional().catch(undefined),
});
const ScreenParams = z.object({ screenId: z.string(), itemId: z.string().optional() });
const isId = (v: string | undefined) => z.uuid().safeParse(v).success;

/**
 * The corridor screens, without signing in: `/display/<screenId>` (full screen, rotating the screen's
 * published items), its content for polling with ETag, and a published poster's picture as it plays
 * there. Which court: as the portal (`?court=`, QIZHI_PUBLIC_COURT or the only court).
 */
export const displayRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config, storage } = app.deps;
  const hide = { hide: true };
  const asset = (path: string, type: string, body: string) =>
    app.get(path, { config: { access: 'public' }, schema: hide }, async (_request, reply) =>
      reply.type(type).header('cache-control', 'public, max-age=3600').send(body),
    );
  asset('/display/display.css', 'text/css; charset=utf-8', DISPLAY_CSS);
  asset('/display/display.js', 'text/javascript; charset=utf-8', DISPLAY_SCRIPT);
  asset('/display/sw.js', 'text/javascript; charset=utf-8', DISPLAY_SERVICE_WORKER);

  const read = (request: { query: unknown; params: unknown }) => {
    const q = DisplayQuery.catch({}).parse(request.query);
    const p = ScreenParams.parse(request.params);
    if (!isId(p.screenId) || (p.itemId !== undefined && !isId(p.itemId))) throw notFound('屏幕');
    return { q, p, courtQuery: q.court ? `?court=${q.court}` : '' };
  };
  const load = async (request: { query: unknown; params: unknown }) => {
    const { q, p, courtQuery } = read(request);
    const court = await resolvePublicCourt(database, config, q.court);
    const show = await screenShow(database.forTenant(court.id), court.id, p.screenId);
    return { q, court, show, courtQuery, content: slidesHtml(show, courtQuery) };
  };

  app.get('/display/:screenId', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const { q, court, show, courtQuery, content } = await load(request);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', PUBLIC_CSP)
      .send(displayPage(show, { courtName: court.name, court: courtQuery, pollSeconds: q.poll ?? 30, content }));
  });
  app.get('/display/:screenId/content', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const { content } = await load(request);
    const etag = etagOf(content);
    void reply.header('etag', etag).header('cache-control', 'no-cache').header('content-security-policy', PUBLIC_CSP);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type('text/html; charset=utf-8').send(content);
  });
  app.get(
    '/display/:screenId/items/:itemId/image',
    { config: { access: 'public' }, schema: hide },
    async (request, reply) => {
      const { q, p } = read(request);
      const court = await resolvePublicCourt(database, config, q.court);
      const image = await posterImage(database.forTenant(court.id), storage, court.id, p.screenId, p.itemId!);
      return reply
        .type(image.mime)
        .header('cache-control', 'public, max-age=300')
        .header('content-disposition', 'inline')
        .send(image.data);
    },
  );
};

/** The kiosk's 廉政文化 screen: the court's kiosk screen's slides, with large 上一条/下一条 buttons. */
export async function cultureKioskScreen(
  database: Database,
  court: { id: string },
  courtQuery: CourtQuery,
): Promise<{ id: string; tile: string; title: string; html: string; stylesheet: string; script: string } | null> {
  const show = await kioskShow(database.forTenant(court.id), court.id);
  if (!show || show.slides.length === 0) return null;
  return {
    id: 'culture',
    tile: '廉政文化',
    title: '廉政文化',
    html: slidesHtml(show, courtQuery, { steps: true }),
    stylesheet: '/display/display.css',
    script: '/display/display.js',
  };
}
