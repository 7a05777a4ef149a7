/**
 * 党内统计年报: the figures of an organisation and its children for a year, counted by the pure
 * rules (`annual-stats.rules.ts`) from the records, and the people behind each figure.
 */
import {
  ageAtYearEnd,
  annualAgeBandOf,
  annualTables,
  collectSubtreeIds,
  courtToday,
  figuresOf,
  maskIdNumber,
  standingOn,
  yearEndOf,
  type AnnualStatsPeople,
  type AnnualStatsPeopleQuery,
  type AnnualStatsQuery,
  type AnnualStatsRecord,
  type AnnualStatsReport,
} from '@qizhi/domain';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { developmentFactsOf } from '../development/index.ts';
import { orgUnitsOfCourt } from '../org/index.ts';
import * as repo from './party-stats.repo.ts';
import { openNullable } from '../../platform/field-crypto.ts';

type PersonRow = Awaited<ReturnType<typeof repo.findPeopleOfUnits>>[number];
interface Counted {
  row: PersonRow;
  record: AnnualStatsRecord;
  figures: Set<string>;
}
interface ReportRow {
  key: string;
  name: string;
  kind: 'total' | 'self' | 'child';
  unitIds: Set<string>;
}

/** The organisation, if the caller's stats.annual reaches it; elsewhere (or another court's) it is not there. */
async function loadScope(ctx: RequestContext, query: AnnualStatsQuery) {
  const units = await orgUnitsOfCourt(ctx);
  const root = units.find((u) => u.id === query.orgUnitId);
  if (!root || !(await ctx.can('stats.annual', root.id))) throw notFound('党组织');
  const thisYear = Number(courtToday().slice(0, 4));
  if (query.year > thisYear)
    throw validationFailed([{ path: 'year', message: `年度不能晚于本年（${String(thisYear)}）` }]);
  // 合计 (the whole subtree), 本级 (those placed in the organisation itself) when it has children,
  // and each direct child with its own subtree — the rows of the 年报's tables.
  const children = units.filter((u) => u.parentId === root.id);
  const rows: ReportRow[] = [
    { key: 'total', name: '合计', kind: 'total', unitIds: new Set(collectSubtreeIds(units, root.id)) },
  ];
  if (children.length > 0) {
    rows.push({ key: 'self', name: `${root.name}（本级）`, kind: 'self', unitIds: new Set([root.id]) });
    for (const c of children) {
      rows.push({ key: c.id, name: c.name, kind: 'child', unitIds: new Set(collectSubtreeIds(units, c.id)) });
    }
  }
  const people = await repo.findPeopleOfUnits(ctx.db, ctx.tenantId, [...rows[0]!.unitIds]);
  const facts = await developmentFactsOf(
    ctx.db,
    ctx.tenantId,
    people.map((p) => p.id),
  );
  const counted: Counted[] = people.map((row) => {
    const record: AnnualStatsRecord = { ...row, cancelledOn: facts.get(row.id)?.cancelledOn ?? null };
    return { row, record, figures: new Set(figuresOf(record, query.year)) };
  });
  return { root, units, rows, counted };
}

export async function annualReport(ctx: RequestContext, query: AnnualStatsQuery): Promise<AnnualStatsReport> {
  const { root, rows, counted } = await loadScope(ctx, query);
  const tables = annualTables(counted.filter((c) => c.figures.size > 0).map((c) => c.record));
  return {
    year: query.year,
    asOf: yearEndOf(query.year),
    courtName: ctx.user.tenantName,
    orgUnitId: root.id,
    orgUnitName: root.name,
    rows: rows.map(({ key, name, kind }) => ({ key, name, kind })),
    tables: tables.map((t) => ({
      ...t,
      counts: rows.map((r) =>
        t.columns.map(
          (c) =>
            counted.filter((p) => r.unitIds.has(p.row.orgUnitId ?? '') && p.figures.has(`${t.key}.${c.key}`)).length,
        ),
      ),
    })),
  };
}

/** The people a figure counts, as the roster shows them: numbers masked, the birth date only to who may see it. */
export async function annualPeople(ctx: RequestContext, query: AnnualStatsPeopleQuery): Promise<AnnualStatsPeople> {
  const { rows, counted, units } = await loadScope(ctx, query);
  const row = rows.find((r) => r.key === query.row);
  if (!row) throw new AppError('VALIDATION_FAILED', '该行不在这张年报中', { row: query.row });
  const [tableKey, columnKey] = query.figure.split('.') as [string, string];
  const table = annualTables(counted.map((c) => c.record)).find((t) => t.key === tableKey);
  const column = table?.columns.find((c) => c.key === columnKey);
  if (!table || !column) throw new AppError('VALIDATION_FAILED', '年报中没有这个指标', { figure: query.figure });
  const reveal = ctx.has('people.pii.reveal');
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const asOf = yearEndOf(query.year);
  return {
    rowName: row.name,
    tableTitle: table.title,
    figureLabel: column.label,
    items: counted
      .filter((p) => row.unitIds.has(p.row.orgUnitId ?? '') && p.figures.has(query.figure))
      .map(({ row: p, record }) => {
        const age = ageAtYearEnd(p.birthDate, query.year);
        return {
          id: p.id,
          name: p.name,
          gender: p.gender,
          orgUnitName: p.orgUnitId ? (unitName.get(p.orgUnitId) ?? null) : null,
          standing: standingOn(record, asOf),
          ageBand: age === null ? null : annualAgeBandOf(age),
          birthDate: reveal ? p.birthDate : null,
          idNumber: maskIdNumber(openNullable(p.idNumberSealed, 'people.id_number')),
          joinedOn: p.joinedOn,
          leftOn: p.leftOn,
        };
      }),
  };
}
