import { Centre, PointsRankingResponse, type UpdateCentreRequest } from '@qizhi/domain';
import { call } from '../../platform/api-client.ts';

export const centreApi = {
  /** The year's central objective, working line and the six court types' progress. */
  get: (year: number) => call.get(Centre, '/api/centre', { year }),
  update: (year: number, body: UpdateCentreRequest) => call.put(Centre, `/api/centre/${String(year)}`, body),
  /** 比学赶超 points ranking, off by default. */
  setPointsRanking: (enabled: boolean) => call.put(PointsRankingResponse, '/api/centre/points-ranking', { enabled }),
};
