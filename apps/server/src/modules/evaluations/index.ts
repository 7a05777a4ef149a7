/** 民主评议党员 and 述职述廉 (issue 13): what other modules may use of them. */
export { evaluationRoutes } from './evaluations.routes.ts';
export { dutyReportAttachments } from './duty-report-files.ts';
/** Published 民主评议 results (counts per grade), shown on the openness portal from their source. */
export { findPublishedRounds, type PublishedRound } from './published-results.repo.ts';
