/** The audit log (审计日志): read by the auditor; rows are written through platform/audit.ts. */
export { auditRoutes } from './audit.routes.ts';
