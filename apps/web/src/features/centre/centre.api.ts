import { Centre } from '@qizhi/domain';
import { call } from '../../platform/api-client.ts';

export const centreApi = {
  /** The year's central objective, working line and the six court types' progress. */
  get: (year: number) => call.get(Centre, '/api/centre', { year }),
};
