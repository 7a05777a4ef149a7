/** 党费 (party dues): what other modules may use of it. */
export { duesRoutes } from './dues.routes.ts';
export { arrearsReminders } from './dues-reminders.ts';
export { duesStandingOf, type DuesStanding } from './dues-standing.ts';
