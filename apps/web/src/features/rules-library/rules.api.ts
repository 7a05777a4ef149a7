import {
  RuleDetail,
  RuleReadersResponse,
  RulesResponse,
  type CreateRuleRequest,
  type UpdateRuleRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

/** The rules library (制度库): rules, their revisions, and who has read them. */
export const rulesApi = {
  list: () => call.get(RulesResponse, '/api/rules'),
  get: (id: string) => call.get(RuleDetail, `/api/rules/${seg(id)}`),
  create: (body: CreateRuleRequest) => call.post(RuleDetail, '/api/rules', body),
  /** A revision: a new version that says what changed. */
  revise: (id: string, body: UpdateRuleRequest) => call.patch(RuleDetail, `/api/rules/${seg(id)}`, body),
  confirmRead: (id: string) => call.send('POST', `/api/rules/${seg(id)}/read`),
  readers: (id: string) => call.get(RuleReadersResponse, `/api/rules/${seg(id)}/readers`),
};
