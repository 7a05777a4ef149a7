/** 党务公开 + 院务公开: the staff routes, the public JSON, and the server-rendered portal and kiosk. */
export { opennessRoutes } from './openness.routes.ts';
export { publicOpennessApiRoutes, publicPortalRoutes } from './public.routes.ts';
export { disclosureAttachments } from './disclosure-files.ts';
