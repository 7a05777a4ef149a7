/**
 * The roster list requests the load sends: the query (a filtered page of 20 with its
 * total, every page in turn) and a mix of the filters the 花名册 page offers. Each query is
 * probed once first, and its total checked where the bench knows what it must be.
 */
import { getMemberPage, type Session } from './api-client.ts';
import type { PreparedCourt } from './databases.ts';

export interface RosterQuery {
  label: string;
  /** A finer label for request `n`, e.g. by how deep its page is. */
  labelOf?(n: number): string;
  /** The query string of request `n` (page numbers and search words rotate). */
  query(n: number): string;
}

export interface ProbedQuery extends RosterQuery {
  total: number;
}

const PAGE_SIZE = 20;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨'];

function pagesOf(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** Spreads requests over all pages without two workers marching in step. */
function pageFor(n: number, pages: number): number {
  return ((n * 7_919) % pages) + 1;
}

/** The query: in-service full members, a page of 20, its total; pages rotate over all of them. */
export function fullMembersQuery(total: number): RosterQuery {
  const pages = pagesOf(total);
  return {
    label: 'status=full&retired=false',
    labelOf: (n) => {
      const page = pageFor(n, pages);
      return `status=full&retired=false, page ${page <= 5 ? '1-5' : page <= 50 ? '6-50' : '51+'}`;
    },
    query: (n) => `status=full&retired=false&pageSize=${String(PAGE_SIZE)}&page=${String(pageFor(n, pages))}`,
  };
}

function paged(label: string, filter: string, total: number): RosterQuery {
  const pages = pagesOf(total);
  return {
    label,
    query: (n) => `${filter}${filter ? '&' : ''}pageSize=${String(PAGE_SIZE)}&page=${String(pageFor(n, pages))}`,
  };
}

async function probe(baseUrl: string, session: Session, query: string): Promise<number> {
  const page = await getMemberPage(baseUrl, session, query);
  if (page.items.length !== Math.min(PAGE_SIZE, page.total)) {
    throw new Error(`${query}: ${String(page.items.length)} items on page 1 of ${String(page.total)}`);
  }
  return page.total;
}

/** Probes every query (page 1) and builds the rotation with the totals the server reported. */
export async function probeRosterQueries(
  baseUrl: string,
  session: Session,
  court: PreparedCourt,
): Promise<{ fullMembers: ProbedQuery; mix: ProbedQuery[] }> {
  const fullTotal = await probe(baseUrl, session, 'status=full&retired=false&pageSize=20&page=1');
  if (fullTotal !== court.fullInService) {
    throw new Error(
      `status=full&retired=false totals ${String(fullTotal)}, the database holds ${String(court.fullInService)}`,
    );
  }
  const cell = court.orgUnitIds.find((u) => u.kind === 'cell');
  const department = court.departmentIds[0];
  if (!cell || !department) throw new Error('the court has no cell or department to filter by');

  const filtered: [string, string][] = [
    ['retired=true', 'retired=true'],
    ['status=probationary', 'status=probationary'],
    ['departmentId', `departmentId=${department.id}`],
    ['orgUnitId (cell subtree)', `orgUnitId=${cell.id}`],
    ['ageBand=30to39&status=full', 'ageBand=30to39&status=full'],
    ['sort=birthDate desc', 'sort=birthDate&order=desc'],
    ['no filter', ''],
  ];
  const mix: ProbedQuery[] = [{ ...fullMembersQuery(fullTotal), total: fullTotal }];
  for (const [label, filter] of filtered) {
    const total = await probe(baseUrl, session, `${filter}${filter ? '&' : ''}pageSize=20&page=1`);
    mix.push({ ...paged(label, filter, total), total });
  }

  const nameTotals = await Promise.all(SURNAMES.map((s) => probe(baseUrl, session, `q=${encodeURIComponent(s)}`)));
  mix.push({
    label: 'q=<surname> (name contains)',
    total: Math.round(nameTotals.reduce((a, b) => a + b, 0) / nameTotals.length),
    query: (n) => {
      const i = n % SURNAMES.length;
      const pages = Math.min(5, pagesOf(nameTotals[i] ?? 0));
      return `q=${encodeURIComponent(SURNAMES[i] ?? '王')}&pageSize=20&page=${String((n % pages) + 1)}`;
    },
  });
  const idNumber = court.idNumbers[0] ?? '';
  if ((await probe(baseUrl, session, `q=${idNumber}`)) !== 1) throw new Error(`q=${idNumber} should find one person`);
  mix.push({
    label: 'q=<ID number>',
    total: 1,
    query: (n) => `q=${court.idNumbers[(n * 7_919) % court.idNumbers.length] ?? idNumber}`,
  });
  return { fullMembers: { ...fullMembersQuery(fullTotal), total: fullTotal }, mix };
}
