/** The centre (一个中心): what other modules may use of it. */
export { centreRoutes } from './centre.routes.ts';
export { isPointsRankingEnabled } from './centre.service.ts';
