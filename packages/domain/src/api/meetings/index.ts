/** The meeting family's contract, by part (the server's modules/meetings/ has the same parts). */
export { Instant, MeetingFrequencySchema, MeetingStatusSchema, MeetingTypeSchema } from './common.ts';
export * from './plan.ts';
export * from './record.ts';
export * from './compliance.ts';
export * from './deliberations.ts';
export * from './calendar.ts';
