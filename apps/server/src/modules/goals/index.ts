/** Party-building goals (党建目标): what other modules may use of them. */
export { goalRoutes } from './goals.routes.ts';
export { computeYear, type ComputedYear } from './goals.tree.ts';
export { goalReportAttachments } from './goals.attachments.ts';
export { linkMeetingAttendanceGoals, syncMeetingAttendanceGoals } from './goals.sources.ts';
