import { AGE_BANDS, ROSTER_STANDINGS } from '@qizhi/domain';
import { toSearchParams } from '../../platform/api.ts';
import { PERSON_STATUSES } from './member-labels.tsx';
import type { MemberFilters, MemberListParams, MemberSortField } from './members.queries.ts';

export const DEFAULT_PAGE_SIZE = 20;
const ORDERS = ['asc', 'desc'] as const;

/**
 * The sortable columns. A Record keyed by the schema's union makes tsc flag any drift from
 * `MEMBER_SORT_FIELDS`, without importing the module that would bring zod into this page.
 */
const SORTABLE: Record<MemberSortField, true> = {
  name: true,
  birthDate: true,
  joinedOn: true,
  status: true,
  department: true,
};
export const MEMBER_SORT_KEYS = Object.keys(SORTABLE) as MemberSortField[];

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
    standing: pick(search.get('standing'), ROSTER_STANDINGS),
    q: search.get('q') ?? undefined,
    status: pick(search.get('status'), PERSON_STATUSES),
    retired: retired === 'true' ? true : retired === 'false' ? false : undefined,
    orgUnitId: search.get('orgUnitId') ?? undefined,
    departmentId: search.get('departmentId') ?? undefined,
    ageBand: pick(search.get('ageBand'), AGE_BANDS),
    sort: pick(search.get('sort'), MEMBER_SORT_KEYS),
    order: pick(search.get('order'), ORDERS),
    page: positiveInt(search.get('page'), 1, 100_000),
    pageSize: positiveInt(search.get('pageSize'), DEFAULT_PAGE_SIZE, 200),
  };
}

export function writeMemberParams(params: MemberListParams): URLSearchParams {
  const { page, pageSize, ...rest } = params;
  return toSearchParams({
    ...rest,
    page: page === 1 ? undefined : page,
    pageSize: pageSize === DEFAULT_PAGE_SIZE ? undefined : pageSize,
  });
}

export function filtersOf(params: MemberListParams): MemberFilters {
  const { standing, q, status, retired, orgUnitId, departmentId, ageBand } = params;
  return { standing, q, status, retired, orgUnitId, departmentId, ageBand };
}
