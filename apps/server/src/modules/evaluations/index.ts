/** 民主评议党员 and 述职述廉 (issue 13): what other modules may use of them. */
export { evaluationRoutes } from './evaluations.routes.ts';
export { dutyReportAttachments } from './duty-report-files.ts';
