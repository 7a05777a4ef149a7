/** The roster's Excel bridge: parsing imports, writing exports and the template. */
export { escapeFormulaCell, MAX_IMPORT_ROWS, type ParsedRoster, type ImportedPerson } from './roster-columns.ts';
export { parseRosterWorkbook } from './roster-import.ts';
export { buildRosterTemplate, buildRosterWorkbook } from './roster-export.ts';
