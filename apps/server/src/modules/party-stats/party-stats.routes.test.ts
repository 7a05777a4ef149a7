import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtToday } from '@qizhi/domain';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let leader: Session;
let secretary: Session;
let clerk: Session;
let member: Session;
let units: { id: string; parentId: string | null; kind: string; name: string }[];
let rootId: string;
const today = courtToday();
const year = Number(today.slice(0, 4));

interface Report {
  rows: { key: string; name: string; kind: string }[];
  tables: { key: string; columns: { key: string; label: string }[]; counts: number[][] }[];
}
const figure = (report: Report, table: string, column: string, row = 'total'): number => {
  const t = report.tables.find((x) => x.key === table)!;
  return t.counts[report.rows.findIndex((r) => r.key === row)]![t.columns.findIndex((c) => c.key === column)]!;
};

beforeAll(async () => {
  ctx = await createTestContext();
  leader = await ctx.login('leader');
  secretary = await ctx.login('secretary');
  clerk = await ctx.login('clerk');
  member = await ctx.login('member');
  units = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json().items;
  rootId = units.find((u) => u.parentId === null)!.id;
});
afterAll(async () => {
  await ctx.close();
});

const annual = (who: Session, query: string) => who.request({ method: 'GET', url: `/api/party-stats/annual?${query}` });

describe('GET /api/party-stats/annual', () => {
  it('answers 401, 403 to a member, 400 on a bad query, 404 outside the scope and for another court', async () => {
    const q = `orgUnitId=${rootId}&year=${String(year)}`;
    expect((await ctx.app.inject({ method: 'GET', url: `/api/party-stats/annual?${q}` })).statusCode).toBe(401);
    expect((await annual(member, q)).statusCode).toBe(403);
    for (const bad of [
      `orgUnitId=${rootId}`,
      `year=${String(year)}`,
      `orgUnitId=x&year=2025`,
      `orgUnitId=${rootId}&year=20x5`,
    ]) {
      expect((await annual(leader, bad)).statusCode, bad).toBe(400);
    }
    const future = await annual(leader, `orgUnitId=${rootId}&year=${String(year + 1)}`);
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('年度不能晚于本年');
    // The secretary's branch only: the court's root is not there for them.
    expect((await annual(secretary, q)).statusCode).toBe(404);
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    expect((await annual(other, q)).statusCode).toBe(404);
    const drill = `/api/party-stats/annual/people?${q}&row=total&figure=overview.total`;
    expect((await other.request({ method: 'GET', url: drill })).statusCode).toBe(404);
    expect((await member.request({ method: 'GET', url: drill })).statusCode).toBe(403);
    expect((await other.request({ method: 'GET', url: `/api/party-stats/annual/export?${q}` })).statusCode).toBe(404);
  });

  it('counts the members on record at 12-31 with rows that add up to the total', async () => {
    const res = await annual(leader, `orgUnitId=${rootId}&year=${String(year)}`);
    expect(res.statusCode).toBe(200);
    const report = res.json<Report & { asOf: string }>();
    expect(report.asOf).toBe(`${String(year)}-12-31`);
    expect(report.rows[0]).toMatchObject({ key: 'total', name: '合计' });
    const stats = (await leader.request({ method: 'GET', url: '/api/members/stats' })).json();
    expect(figure(report, 'overview', 'total')).toBe(stats.partyMembers);
    expect(figure(report, 'overview', 'full') + figure(report, 'overview', 'probationary')).toBe(
      figure(report, 'overview', 'total'),
    );
    for (const table of report.tables.filter((t) => t.key !== 'changes')) {
      const parts = report.rows
        .slice(1)
        .reduce((sum, r) => sum + figure(report, table.key, table.columns[0]!.key, r.key), 0);
      expect(parts, table.key).toBe(figure(report, table.key, table.columns[0]!.key));
    }
    const ages = report.tables.find((t) => t.key === 'age')!;
    expect(ages.counts[0]!.reduce((a, b) => a + b, 0)).toBe(figure(report, 'overview', 'total'));
  });

  it('a secretary reads their own branch', async () => {
    const branch = units.find((u) => u.kind === 'branch' && u.name === '安泽县人民法院机关党支部')!;
    const res = await annual(secretary, `orgUnitId=${branch.id}&year=${String(year)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.length).toBeGreaterThan(1);
  });
});

describe('drill-down to the people behind a figure', () => {
  it('lists exactly the people counted, numbers masked, birth dates only to who may see them', async () => {
    const q = `orgUnitId=${rootId}&year=${String(year)}`;
    const report = (await annual(leader, q)).json<Report>();
    const url = `/api/party-stats/annual/people?${q}&row=total&figure=overview.female`;
    const seen = await leader.request({ method: 'GET', url });
    expect(seen.statusCode).toBe(200);
    const body = seen.json();
    expect(body).toMatchObject({ rowName: '合计', figureLabel: '女' });
    expect(body.items).toHaveLength(figure(report, 'overview', 'female'));
    expect(body.items.every((p: { gender: string }) => p.gender === 'female')).toBe(true);
    expect(body.items.every((p: { birthDate: string | null }) => p.birthDate === null)).toBe(true);
    for (const p of body.items as { idNumber: string | null }[])
      if (p.idNumber) expect(p.idNumber).toMatch(/^\d{4}\*{12}[\dX]{2}$/);
    const revealed = (await clerk.request({ method: 'GET', url })).json();
    expect(revealed.items.some((p: { birthDate: string | null }) => p.birthDate !== null)).toBe(true);
    for (const bad of ['row=nope&figure=overview.total', 'row=total&figure=overview.salary', 'row=total&figure=bad']) {
      expect(
        (await leader.request({ method: 'GET', url: `/api/party-stats/annual/people?${q}&${bad}` })).statusCode,
        bad,
      ).toBe(400);
    }
  });

  it('counts one who left today as a decrease of this year, and in last year’s year-end figures', async () => {
    const q = `orgUnitId=${rootId}&year=${String(year)}`;
    const before = (await annual(clerk, q)).json<Report>();
    const someone = (
      await clerk.request({ method: 'GET', url: '/api/members?status=full&retired=false&pageSize=1' })
    ).json().items[0];
    const left = await clerk.request({
      method: 'POST',
      url: `/api/members/${someone.id}/leaving`,
      payload: { leftOn: today, reason: 'resigned' },
    });
    expect(left.statusCode).toBe(200);
    const after = (await annual(clerk, q)).json<Report>();
    expect(figure(after, 'overview', 'total')).toBe(figure(before, 'overview', 'total') - 1);
    expect(figure(after, 'changes', 'resigned')).toBe(figure(before, 'changes', 'resigned') + 1);
    const drill = (
      await clerk.request({
        method: 'GET',
        url: `/api/party-stats/annual/people?${q}&row=total&figure=changes.resigned`,
      })
    ).json();
    expect(drill.items.map((p: { id: string }) => p.id)).toContain(someone.id);
    const lastYear = (
      await clerk.request({
        method: 'GET',
        url: `/api/party-stats/annual/people?orgUnitId=${rootId}&year=${String(year - 1)}&row=total&figure=overview.total`,
      })
    ).json();
    expect(lastYear.items.map((p: { id: string }) => p.id)).toContain(someone.id);
  });
});

describe('GET /api/party-stats/annual/export', () => {
  it('writes one sheet per table with the organisations as rows', async () => {
    const res = await leader.request({
      method: 'GET',
      url: `/api/party-stats/annual/export?orgUnitId=${rootId}&year=${String(year)}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['表一', '表二', '表三', '表四', '表五', '表六']);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toContain('党内统计年报');
    expect(sheet.getCell(3, 2).value).toBe('党员总数');
    expect(sheet.getCell(4, 1).value).toBe('合计');
    expect(typeof sheet.getCell(4, 2).value).toBe('number');
    const url = `/api/party-stats/annual/export?orgUnitId=${rootId}&year=${String(year)}`;
    expect((await member.request({ method: 'GET', url })).statusCode).toBe(403);
  });
});
