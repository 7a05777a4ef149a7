import { useQuery } from '@tanstack/react-query';
import { receptionApi } from './reception.api.ts';

export const receptionKey = ['reception'] as const;
export const inquiriesKey = ['inquiries'] as const;

export function useRota(year: number) {
  return useQuery({ queryKey: [...receptionKey, 'rota', year], queryFn: () => receptionApi.rota(year) });
}
export function useRotaLeaders(enabled: boolean) {
  return useQuery({ queryKey: [...receptionKey, 'leaders'], queryFn: () => receptionApi.leaders(), enabled });
}
export function useVisits(year: number, page: number, overdue: boolean) {
  return useQuery({
    queryKey: [...receptionKey, 'visits', year, page, overdue],
    queryFn: () => receptionApi.visits({ year, page, pageSize: 20, ...(overdue ? { overdue: 'true' as const } : {}) }),
  });
}
export function useVisitStats(year: number) {
  return useQuery({ queryKey: [...receptionKey, 'stats', year], queryFn: () => receptionApi.visitStats(year) });
}
export function usePledges() {
  return useQuery({ queryKey: [...receptionKey, 'pledges'], queryFn: () => receptionApi.pledges() });
}
export function useInquiries(status: 'open' | 'closed') {
  return useQuery({ queryKey: [...inquiriesKey, status], queryFn: () => receptionApi.inquiries(status) });
}
export function useReceivers() {
  return useQuery({ queryKey: [...inquiriesKey, 'receivers'], queryFn: () => receptionApi.receivers() });
}
export function useInquiryStats(year: number, enabled: boolean) {
  return useQuery({
    queryKey: [...inquiriesKey, 'stats', year],
    queryFn: () => receptionApi.inquiryStats(year),
    enabled,
  });
}
