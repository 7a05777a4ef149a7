/**
 * 文化墙 · 廉政文化教育长廊 (issue 12): content items, playlists, corridor screens; the public display
 * page of each screen (/display/<screenId>) and the lobby kiosk's 廉政文化 screen.
 */
export { cultureWallRoutes } from './culture-wall.routes.ts';
export { displayRoutes, cultureKioskScreen } from './display.routes.ts';
export { cultureWallImages } from './culture-files.ts';
