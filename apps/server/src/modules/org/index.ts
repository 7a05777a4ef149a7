/** The court's organisation (党组织 and 内设部门): what other modules may use of it. */
export { orgRoutes } from './org.routes.ts';
export {
  departmentsOfCourt,
  findDepartment,
  findOrgUnit,
  orgUnitsOfCourt,
  subtreeOf,
  type CourtReader,
  type DepartmentRow,
  type OrgUnitRow,
} from './org.service.ts';
