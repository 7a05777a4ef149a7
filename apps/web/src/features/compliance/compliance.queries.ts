import { useQuery } from '@tanstack/react-query';
import { complianceApi } from './compliance.api.ts';

const all = ['compliance'] as const;
export const complianceKeys = {
  all,
  board: (year: number, orgUnitId: string | undefined) => [...all, year, orgUnitId ?? null] as const,
  cell: (orgUnitId: string, year: number, month: number) => [...all, 'cell', orgUnitId, year, month] as const,
};
export const reminderKeys = { all: ['reminders'] as const };

export function useCompliance(year: number, orgUnitId?: string) {
  return useQuery({
    queryKey: complianceKeys.board(year, orgUnitId),
    queryFn: () => complianceApi.board(year, orgUnitId),
  });
}

export function useComplianceCell(orgUnitId: string, year: number, month: number) {
  return useQuery({
    queryKey: complianceKeys.cell(orgUnitId, year, month),
    queryFn: () => complianceApi.cell(orgUnitId, year, month),
  });
}

export function useReminders() {
  return useQuery({ queryKey: reminderKeys.all, queryFn: complianceApi.reminders });
}
