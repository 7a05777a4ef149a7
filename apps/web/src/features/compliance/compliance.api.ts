import { ComplianceCell, ComplianceResponse, Reminders } from '@qizhi/domain';
import { call } from '../../platform/api-client.ts';

export const complianceApi = {
  /** The year's required and held meetings of every organisation in view (or one). */
  board: (year: number, orgUnitId?: string) => call.get(ComplianceResponse, '/api/compliance', { year, orgUnitId }),
  /** One cell: the items of one organisation shown in one month, with the meetings they count and 谈心谈话 pairs. */
  cell: (orgUnitId: string, year: number, month: number) =>
    call.get(ComplianceCell, '/api/compliance/cell', { orgUnitId, year, month }),
  /** What the signed-in person should attend, hold or finish, for the home page. */
  reminders: () => call.get(Reminders, '/api/reminders'),
};
