import { AssessmentRow, AssessmentsResponse, RankingsResponse, type SaveAssessmentRequest } from '@qizhi/domain';
import { call } from '../../platform/api-client.ts';

/** Quarterly assessments (定期考核) and the optional 比学赶超 rankings. */
export const assessmentsApi = {
  list: (period: string) => call.get(AssessmentsResponse, '/api/assessments', { period }),
  save: (body: SaveAssessmentRequest) => call.post(AssessmentRow, '/api/assessments', body),
  rankings: (year: number) => call.get(RankingsResponse, '/api/rankings', { year }),
};
