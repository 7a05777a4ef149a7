import { AGE_BANDS, MEMBER_SORT_FIELDS } from '@qizhi/domain';
import { PERSON_STATUSES } from './member-labels.tsx';
import type { MemberFilters, MemberListParams } from './members-queries.ts';

export const DEFAULT_PAGE_SIZE = 20;
const ORDERS = ['asc', 'desc'] as const;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

function positiveInt(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** The roster's filters live in the address bar, so a link or a refresh shows the same list. */
export function readMemberParams(search: URLSearchParams): MemberListParams {
  const retired = search.get('retired');
  return {
    q: search.get('q') ?? undefined,
    status: pick(search.get('status'), PERSON_STATUSES),
    retired: retired === 'true' ? true : retired === 'false' ? false : undefined,
    orgUnitId: search.get('orgUnitId') ?? undefined,
    departmentId: search.get('departmentId') ?? undefined,
    ageBand: pick(search.get('ageBand'), AGE_BANDS),
    sort: pick(search.get('sort'), MEMBER_SORT_FIELDS),
    order: pick(search.get('order'), ORDERS),
    page: positiveInt(search.get('page'), 1, 100_000),
    pageSize: positiveInt(search.get('pageSize'), DEFAULT_PAGE_SIZE, 200),
  };
}

export function writeMemberParams(params: MemberListParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === DEFAULT_PAGE_SIZE) continue;
    search.set(key, String(value));
  }
  return search;
}

export function filtersOf(params: MemberListParams): MemberFilters {
  const { q, status, retired, orgUnitId, departmentId, ageBand } = params;
  return { q, status, retired, orgUnitId, departmentId, ageBand };
}

export function hasFilters(params: MemberListParams): boolean {
  return Object.values(filtersOf(params)).some((v) => v !== undefined && v !== '');
}
