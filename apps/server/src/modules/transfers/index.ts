/** 组织关系转接 (membership transfers): what other modules may use of it. */
export { transferRoutes } from './transfers.routes.ts';
export { transferReminders } from './transfers-reminders.ts';
