import { AnnualStatsPeople, AnnualStatsReport, type AnnualStatsQuery } from '@qizhi/domain';
import { call } from '../../platform/api-client.ts';

/** 党内统计年报: the tables, the people behind a figure, the .xlsx. */
export const partyStatsApi = {
  annual: (query: AnnualStatsQuery) => call.get(AnnualStatsReport, '/api/party-stats/annual', query),
  people: (query: AnnualStatsQuery & { row: string; figure: string }) =>
    call.get(AnnualStatsPeople, '/api/party-stats/annual/people', query),
  export: (query: AnnualStatsQuery) =>
    call.download('/api/party-stats/annual/export', query, `党内统计年报-${String(query.year)}.xlsx`),
};
