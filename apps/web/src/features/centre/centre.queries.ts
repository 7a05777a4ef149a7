import { useQuery } from '@tanstack/react-query';
import { centreApi } from './centre.api.ts';

export const centreKeys = { all: ['centre'] as const, year: (year: number) => ['centre', year] as const };

export function useCentre(year: number) {
  return useQuery({ queryKey: centreKeys.year(year), queryFn: () => centreApi.get(year) });
}
