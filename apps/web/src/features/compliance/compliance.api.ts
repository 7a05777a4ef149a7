import { ComplianceResponse, Reminders } from '@qizhi/domain';
import { call } from '../../platform/api-client.ts';

export const complianceApi = {
  /** The year's required and held meetings of every organisation in view (or one). */
  board: (year: number, orgUnitId?: string) => call.get(ComplianceResponse, '/api/compliance', { year, orgUnitId }),
  /** What the signed-in person should attend, hold or finish, for the home page. */
  reminders: () => call.get(Reminders, '/api/reminders'),
};
