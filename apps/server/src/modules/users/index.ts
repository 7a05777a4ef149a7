/** Accounts and their roles (用户与角色): routes, and what the operator's command line does to accounts. */
export { userRoutes } from './users.routes.ts';
export { createAccountFromCli, createAccountsFromCli, resetPasswordFromCli, unlockFromCli } from './users.cli.ts';
export { bulkCreateAccounts, disableAccountOfPerson, personChoices, type CourtWriter } from './accounts.service.ts';
export { accountSlipsWorkbook } from './account-slips.ts';
export { applyDemoPassword, type DemoPasswordOutcome } from './demo-password.ts';
