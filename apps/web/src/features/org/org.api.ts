import {
  Department,
  DepartmentsResponse,
  OrgUnit,
  OrgUnitsResponse,
  type CreateOrgUnitRequest,
  type DepartmentRequest,
  type UpdateOrgUnitRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

/** Party organisations (党组织) and the court's internal departments (内设部门). */
export const orgApi = {
  units: () => call.get(OrgUnitsResponse, '/api/org-units'),
  createUnit: (body: CreateOrgUnitRequest) => call.post(OrgUnit, '/api/org-units', body),
  updateUnit: (id: string, body: UpdateOrgUnitRequest) => call.patch(OrgUnit, `/api/org-units/${seg(id)}`, body),
  deleteUnit: (id: string) => call.send('DELETE', `/api/org-units/${seg(id)}`),
  departments: () => call.get(DepartmentsResponse, '/api/departments'),
  createDepartment: (body: DepartmentRequest) => call.post(Department, '/api/departments', body),
  updateDepartment: (id: string, body: DepartmentRequest) =>
    call.patch(Department, `/api/departments/${seg(id)}`, body),
  deleteDepartment: (id: string) => call.send('DELETE', `/api/departments/${seg(id)}`),
};
