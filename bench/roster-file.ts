/**
 * A real .xlsx roster of generated people, under a title row and the columns the import template
 * has, with the demo court's real branch, cell and department names so every row imports.
 */
import { EDUCATION_LABELS, MEMBERSHIP_STATUS_LABELS, NON_PARTY_LABEL, type PersonRecord } from '@qizhi/domain';
import { BENCH_HEADERS, makeRosterFile } from '../apps/server/src/modules/members/roster-excel.fixtures.ts';
import { demoCourtIdNumbers, demoCourtLayout, generatePeople } from './people-generator.ts';

function cellsOf(p: PersonRecord, seq: number): unknown[] {
  return [
    seq,
    p.name,
    p.gender === 'male' ? '男' : '女',
    p.ethnicity,
    p.birthDate,
    p.idNumber,
    p.education ? EDUCATION_LABELS[p.education] : null,
    p.status === 'non_party' ? NON_PARTY_LABEL : MEMBERSHIP_STATUS_LABELS[p.status],
    p.joinedOn,
    p.confirmedOn,
    p.branchName,
    p.cellName,
    p.departmentName,
    p.position,
    p.phone,
    p.retired ? '是' : '否',
  ];
}

/** `n` people new to the demo court (none shares an ID number with its 90). */
export function rosterPeople(n: number, seed = 0x1dea, taken = demoCourtIdNumbers()): PersonRecord[] {
  return generatePeople(n, { layout: demoCourtLayout(), seed, taken, firstIndex: 50_000_000 });
}

/** The same people with another position each: importing it updates every row. */
export function withChangedPositions(people: readonly PersonRecord[]): PersonRecord[] {
  return people.map((p) => ({ ...p, position: p.retired ? '退休干部（已登记）' : `${p.position}（调整）` }));
}

export function buildRosterFile(people: readonly PersonRecord[]): Promise<Buffer> {
  if (BENCH_HEADERS.length !== 16) throw new Error('the roster fixture columns changed; update bench/roster-file.ts');
  return makeRosterFile({
    title: '安泽县人民法院党员花名册',
    headers: BENCH_HEADERS,
    rows: people.map((p, i) => cellsOf(p, i + 1)),
  });
}
