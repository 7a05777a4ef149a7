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
export { findDecidingMeeting, type DecidingMeeting } from './decisions.ts';
export { removeFromUpcomingMeetings } from './plan/leavers.ts';
export { findMembershipVotes, type MembershipVote } from './record/admission-votes.repo.ts';
/** The minutes' rich-text allow-list, also used for study materials (学习平台). */
export { isBlankMinutes as isBlankRichText, sanitizeMinutes as sanitizeRichText } from './minutes-html.ts';
/** 四议两公开 disclosures, shown on the openness portal from their source. */
export { findDisclosedMatters, type DisclosedMatter } from './deliberations/disclosed.repo.ts';
export { meetingAttachments } from './record/attachments.ts';
/** Held meetings' resolutions and votes, shown on the openness portal from their source. */
export { findResolvedMeetings, type ResolvedMeeting } from './record/resolutions.repo.ts';
