/** 党务公开 + 院务公开: the staff routes, the public JSON, and the server-rendered portal and kiosk. */
export { opennessRoutes } from './openness.routes.ts';
export { PUBLIC_CSP, publicOpennessApiRoutes, publicPortalRoutes } from './public.routes.ts';
export { disclosureAttachments } from './disclosure-files.ts';
/** For other public pages (the culture wall's corridor screens): which court, and HTML escaping. */
export { resolvePublicCourt, type PublicCourt } from './public.service.ts';
export { esc } from './portal.html.ts';
/** For the demo court's seed: items published from their source. */
export { allSources, defaultTitleOf, sourceColumns } from './sources.ts';
