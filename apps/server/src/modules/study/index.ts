/** 学习平台 (learning platform): what other modules may use of it. */
export { studyRoutes } from './study.routes.ts';
export {
  ledgerOf as studyLedgerOf,
  linkStudyHourGoals,
  syncGoalsAfterAttendance as syncStudyHourGoals,
} from './ledger.service.ts';
export { studyAttachments } from './study-files.ts';
export { courtWorkCalendar } from './calendar.service.ts';
export { sumStudyByCourtType } from './study-dimensions.repo.ts';
