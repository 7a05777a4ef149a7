import { z } from 'zod';

// Every message a person reads is Chinese, including zod's own for type errors.
z.config(z.locales.zhCN());

export * from './id-number.rules.ts';
export * from './masking.rules.ts';
export * from './password.rules.ts';
export * from './people.rules.ts';
export * from './org.rules.ts';
export * from './permissions.ts';
export * from './api/errors.ts';
export * from './api/common.ts';
export * from './api/auth.ts';
export * from './api/org.ts';
export * from './api/people.ts';
export * from './api/users.ts';
export * from './api/audit.ts';
