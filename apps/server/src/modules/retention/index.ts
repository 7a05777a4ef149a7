/** 个人信息保存期限: the settings routes, and the purge the server runs daily and the CLI on demand. */
export { retentionRoutes } from './retention.routes.ts';
export { purgeExpired, type CourtPurge } from './retention.service.ts';
export { courtHandles, dailyPurge } from './retention.schedule.ts';
