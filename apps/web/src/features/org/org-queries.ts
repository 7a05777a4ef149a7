/** Kept while other features still import the old name; use `org.queries.ts`. */
export { departmentsKey, orgUnitsKey, useDepartments, useOrgUnits } from './org.queries.ts';
