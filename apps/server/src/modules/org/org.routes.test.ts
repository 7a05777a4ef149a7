import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
let secretary: Session;
let clerk: Session;
type Unit = {
  id: string;
  kind: string;
  name: string;
  parentId: string | null;
  memberCount: number;
  notices: { kind: string }[];
  termEndsOn: string | null;
};
let units: Unit[];
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  clerk = await ctx.login('clerk');
  units = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json().items;
});
afterAll(async () => {
  await ctx.close();
});

describe('organisation tree', () => {
  it('is 党组 → 党支部 → 4 党小组, with the 54-member notice on the branch', () => {
    const root = units.find((u) => u.parentId === null)!;
    expect(root.kind).toBe('party_group');
    const branch = units.find((u) => u.kind === 'branch')!;
    expect(branch.parentId).toBe(root.id);
    expect(branch.memberCount).toBe(54);
    expect(branch.notices.map((n) => n.kind)).toContain('branchOverSize');
    expect(branch.termEndsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(units.filter((u) => u.kind === 'cell' && u.parentId === branch.id)).toHaveLength(4);
  });

  it('creates a cell under the branch, refuses a branch under a cell, and deletes only an empty unit', async () => {
    const branch = units.find((u) => u.kind === 'branch')!;
    const created = await secretary.request({
      method: 'POST',
      url: '/api/org-units',
      payload: { kind: 'cell', parentId: branch.id, name: '第五党小组' },
    });
    expect(created.statusCode).toBe(201);
    const cell = created.json();
    const wrong = await secretary.request({
      method: 'POST',
      url: '/api/org-units',
      payload: { kind: 'branch', parentId: cell.id, name: '错误' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('党小组下不能设立党支部');
    const nonEmpty = await secretary.request({ method: 'DELETE', url: `/api/org-units/${branch.id}` });
    expect(nonEmpty.statusCode).toBe(409);
    expect(nonEmpty.json().error.code).toBe('ORG_NOT_EMPTY');
    const renamed = await secretary.request({
      method: 'PATCH',
      url: `/api/org-units/${cell.id}`,
      payload: { name: '第五党小组（青年）', termStartedOn: '2026-01-01' },
    });
    expect(renamed.json().name).toBe('第五党小组（青年）');
    expect((await secretary.request({ method: 'DELETE', url: `/api/org-units/${cell.id}` })).statusCode).toBe(200);
    const auditor = await ctx.login('auditor');
    const actions = (await auditor.request({ method: 'GET', url: '/api/audit?action=org_unit' }))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['org_unit.delete', 'org_unit.update', 'org_unit.create']);
  });

  it('validates names, dates and unknown fields', async () => {
    const branch = units.find((u) => u.kind === 'branch')!;
    for (const payload of [
      { kind: 'cell', parentId: branch.id, name: '' },
      { kind: 'cell', parentId: branch.id, name: '某', establishedOn: '2026-02-30' },
      { kind: 'cell', parentId: branch.id, name: '某', colour: 'red' },
      { kind: 'club', parentId: branch.id, name: '某' },
    ]) {
      expect(
        (await secretary.request({ method: 'POST', url: '/api/org-units', payload })).statusCode,
        JSON.stringify(payload),
      ).toBe(400);
    }
    expect(
      (
        await clerk.request({
          method: 'POST',
          url: '/api/org-units',
          payload: { kind: 'cell', parentId: branch.id, name: '某' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('departments', () => {
  it('lists the demo departments with staff counts and keeps them editable', async () => {
    const list = (await clerk.request({ method: 'GET', url: '/api/departments' })).json().items;
    expect(list.filter((d: { kind: string }) => d.kind === 'tribunal').length).toBeGreaterThanOrEqual(2);
    expect(list.some((d: { kind: string }) => d.kind === 'enforcement')).toBe(true);
    const created = await secretary.request({
      method: 'POST',
      url: '/api/departments',
      payload: { name: '马壁人民法庭', kind: 'tribunal' },
    });
    expect(created.statusCode).toBe(201);
    const inUse = list.find((d: { staffCount: number }) => d.staffCount > 0);
    expect((await secretary.request({ method: 'DELETE', url: `/api/departments/${inUse.id}` })).statusCode).toBe(409);
    expect(
      (await secretary.request({ method: 'DELETE', url: `/api/departments/${created.json().id}` })).statusCode,
    ).toBe(200);
  });
});
