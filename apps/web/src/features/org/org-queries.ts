import { useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';
import type { DepartmentsResponse, OrgUnitsResponse } from '../../platform/schema-types.ts';

export const orgUnitsKey = ['org-units'] as const;
export const departmentsKey = ['departments'] as const;

export function useOrgUnits(enabled = true) {
  return useQuery({
    queryKey: orgUnitsKey,
    queryFn: () => api.get<OrgUnitsResponse>('/api/org-units'),
    select: (data) => data.items,
    enabled,
  });
}

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: departmentsKey,
    queryFn: () => api.get<DepartmentsResponse>('/api/departments'),
    select: (data) => data.items,
    enabled,
  });
}
