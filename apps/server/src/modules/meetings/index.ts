/**
 * The meeting family (三会一课 and organisational life), what the rest of the server may use of it:
 * plan/ (meetings, notices, the ledger), record/ (attendance, sign-in, minutes, votes, follow-ups,
 * closing, revisions), compliance/ (required vs held, exemptions, reminders), deliberations/
 * (四议两公开) and calendar/ (the personal iCalendar feed).
 */
export { meetingRoutes } from './plan/meetings.routes.ts';
export { meetingRecordRoutes } from './record/record.routes.ts';
export { complianceRoutes } from './compliance/compliance.routes.ts';
export { deliberationRoutes } from './deliberations/deliberations.routes.ts';
export { calendarRoutes } from './calendar/calendar.routes.ts';
