import { z } from 'zod';

// Every message a person reads is Chinese, including zod's own for type errors.
z.config(z.locales.zhCN());

export * from './court-time.ts';
export * from './id-number.rules.ts';
export * from './masking.rules.ts';
export * from './password.rules.ts';
export * from './people.rules.ts';
export * from './org.rules.ts';
export * from './permissions.ts';
export * from './audit-actions.ts';
export * from './meetings.rules.ts';
export * from './meetings-sign-in.rules.ts';
export * from './meetings-compliance.rules.ts';
export * from './meetings-minutes.rules.ts';
export * from './meetings-deliberation.rules.ts';
export * from './voting.rules.ts';
export * from './org-life.rules.ts';
export * from './api/errors.ts';
export * from './api/common.ts';
export * from './api/auth.ts';
export * from './api/org.ts';
export * from './api/people.ts';
export * from './api/users.ts';
export * from './api/audit.ts';
export * from './api/meetings/index.ts';
export * from './goals.rules.ts';
export * from './assessment.rules.ts';
export * from './commitments.rules.ts';
export * from './rules-library.rules.ts';
export * from './api/goals.ts';
export * from './api/centre.ts';
export * from './api/commitments.ts';
export * from './api/rules-library.ts';
export * from './api/honours.ts';
export * from './api/assessments.ts';
export * from './api/notifications.ts';
