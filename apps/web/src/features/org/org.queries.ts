import { useQuery } from '@tanstack/react-query';
import { orgApi } from './org.api.ts';

export const orgUnitsKey = ['org-units'] as const;
export const departmentsKey = ['departments'] as const;

export function useOrgUnits(enabled = true) {
  return useQuery({ queryKey: orgUnitsKey, queryFn: orgApi.units, select: (data) => data.items, enabled });
}

export function useDepartments(enabled = true) {
  return useQuery({ queryKey: departmentsKey, queryFn: orgApi.departments, select: (data) => data.items, enabled });
}
