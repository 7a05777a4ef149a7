/** Periodic assessments (定期考核) and the points ranking (比学赶超): what other modules may use of them. */
export { assessmentRoutes } from './assessments.routes.ts';
