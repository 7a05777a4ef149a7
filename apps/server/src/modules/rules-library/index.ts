/** The rules library (制度库): what other modules may use of it. */
export { rulesLibraryRoutes } from './rules-library.routes.ts';
export { ruleAttachments } from './rule-files.ts';
