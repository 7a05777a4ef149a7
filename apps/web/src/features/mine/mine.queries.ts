import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { mineApi } from './mine.api.ts';

export function useMyAttendance(year: number) {
  return useQuery({
    queryKey: ['me', 'meetings', year],
    queryFn: () => mineApi.attendance(year),
    placeholderData: keepPreviousData,
  });
}
