/** The roster (花名册) of the court's staff: what other modules may use of it. */
export { memberRoutes } from './members.routes.ts';
export { personExists } from './members.service.ts';
export { leaveInTransaction } from './leaving.service.ts';
export { moveToOrgUnit } from './people-writes.repo.ts';
