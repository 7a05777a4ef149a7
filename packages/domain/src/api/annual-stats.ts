import { z } from 'zod';
import { ANNUAL_AGE_BANDS } from '../annual-stats.rules.ts';
import { GENDERS } from '../people.rules.ts';
import { Id } from './common.ts';

/** 党内统计年报 of an organisation (and its children) for a year (issue 14). */
export const AnnualStatsQuery = z.strictObject({
  orgUnitId: Id,
  year: z.coerce
    .number({ error: '年度应为四位数字' })
    .int('年度应为四位数字')
    .min(1949, '年度不能早于1949年')
    .max(2100, '年度不能晚于2100年'),
});
export type AnnualStatsQuery = z.infer<typeof AnnualStatsQuery>;

export const AnnualStatsRow = z.object({
  key: z.string().describe('total 合计；self 本级（直属人员）；其余为下级党组织的编号'),
  name: z.string(),
  kind: z.enum(['total', 'self', 'child']),
});
export const AnnualStatsTable = z.object({
  key: z.string(),
  title: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  counts: z.array(z.array(z.number().int())).describe('每行（与 rows 同序）每列的人数'),
});
export const AnnualStatsReport = z.object({
  year: z.number().int(),
  asOf: z.string().describe('统计时点：该年12月31日'),
  courtName: z.string(),
  orgUnitId: Id,
  orgUnitName: z.string(),
  rows: z.array(AnnualStatsRow),
  tables: z.array(AnnualStatsTable),
});
export type AnnualStatsReport = z.infer<typeof AnnualStatsReport>;

export const AnnualStatsPeopleQuery = AnnualStatsQuery.extend({
  row: z.string().trim().min(1, '请指定行').max(40, '行编号过长'),
  figure: z
    .string()
    .trim()
    .max(60, '指标编号过长')
    .regex(/^[a-z]+\.[^.]+$/i, '指标编号应为“表.列”'),
});
export type AnnualStatsPeopleQuery = z.infer<typeof AnnualStatsPeopleQuery>;

export const AnnualStatsPerson = z.object({
  id: Id,
  name: z.string(),
  gender: z.enum(GENDERS),
  orgUnitName: z.string().nullable(),
  standing: z.enum(['full', 'probationary']).nullable().describe('年末党员类别；已离开或未入党为空'),
  ageBand: z.enum(ANNUAL_AGE_BANDS).nullable().describe('年末年龄段'),
  birthDate: z.string().nullable().describe('只对有查看完整信息权限者给出'),
  idNumber: z.string().nullable().describe('脱敏：1101************34'),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
});
export const AnnualStatsPeople = z.object({
  rowName: z.string(),
  tableTitle: z.string(),
  figureLabel: z.string(),
  items: z.array(AnnualStatsPerson),
});
export type AnnualStatsPeople = z.infer<typeof AnnualStatsPeople>;
