/** 党内统计年报 (the annual party statistics): what other modules may use of it. */
export { partyStatsRoutes } from './party-stats.routes.ts';
