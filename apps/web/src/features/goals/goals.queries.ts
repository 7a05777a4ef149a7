import { useQueries, useQuery } from '@tanstack/react-query';
import { useSave, type SaveOptions } from '../../platform/use-save.ts';
import { membersApi } from '../members/members.api.ts';
import { membersKey } from '../members/members.queries.ts';
import { goalsApi } from './goals.api.ts';

const all = ['goals'] as const;
export const goalKeys = {
  all,
  level: (year: number, parentId: string | null) => [...all, 'level', year, parentId] as const,
  path: (id: string) => [...all, 'path', id] as const,
  detail: (id: string | null) => [...all, 'detail', id] as const,
  mine: (year: number) => [...all, 'mine', year] as const,
  dimensions: (year: number) => [...all, 'dimensions', year] as const,
  summary: (year: number) => [...all, 'summary', year] as const,
  pendingReports: [...all, 'reports', 'pending'] as const,
};

/** The top of the year's tree. */
export function useTopGoals(year: number, enabled = true) {
  return useQuery({ queryKey: goalKeys.level(year, null), queryFn: () => goalsApi.level(year, null), enabled });
}

/** The direct children of each of these goals (the rows a person has expanded). */
export function useChildGoals(year: number, parentIds: readonly string[]) {
  return useQueries({
    queries: parentIds.map((parentId) => ({
      queryKey: goalKeys.level(year, parentId),
      queryFn: () => goalsApi.level(year, parentId),
    })),
  });
}

/** From the top of the tree down to this goal; nothing asked while `id` is null. */
export function useGoalPath(id: string | null) {
  return useQuery({
    queryKey: goalKeys.path(id ?? ''),
    queryFn: () => goalsApi.path(id ?? ''),
    enabled: id !== null,
  });
}

export function useGoalDetail(id: string | null) {
  return useQuery({ queryKey: goalKeys.detail(id), queryFn: () => goalsApi.get(id ?? ''), enabled: id !== null });
}

export function useMyGoals(year: number) {
  return useQuery({ queryKey: goalKeys.mine(year), queryFn: () => goalsApi.mine(year) });
}

export function useDimensions(year: number, enabled = true) {
  return useQuery({ queryKey: goalKeys.dimensions(year), queryFn: () => goalsApi.dimensions(year), enabled });
}

export function useGoalSummary(year: number) {
  return useQuery({ queryKey: goalKeys.summary(year), queryFn: () => goalsApi.summary(year) });
}

export function usePendingReports(enabled = true) {
  return useQuery({ queryKey: goalKeys.pendingReports, queryFn: goalsApi.pendingReports, enabled });
}

/**
 * A write to goals or reports: the reports waiting for review are refreshed before the save
 * settles (so a decided report cannot be decided twice); the tree's levels, details, summaries and
 * everyone's "my goals" follow in the background (a report moves the roll-up of every goal above
 * it, and waiting for every open level to refetch made accepting a report take two seconds).
 */
export function useGoalSave<TVariables = void, TResult = unknown>(
  options: Omit<SaveOptions<TVariables, TResult>, 'invalidates' | 'refreshes'>,
) {
  return useSave<TVariables, TResult>({
    ...options,
    invalidates: [goalKeys.pendingReports],
    refreshes: [goalKeys.all],
  });
}

/** The full and probationary members of a cell or a department: whom a unit goal is decomposed to. */
export function useGroupMembers(group: { kind: 'cell' | 'department'; id: string } | null) {
  return useQuery({
    queryKey: [...membersKey, 'of-group', group?.kind, group?.id],
    queryFn: () =>
      membersApi.list({ [group?.kind === 'department' ? 'departmentId' : 'orgUnitId']: group?.id, pageSize: 200 }),
    enabled: group !== null,
    select: (page) => page.items.filter((p) => p.status === 'full' || p.status === 'probationary'),
  });
}
