import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollUpGoals, courtToday, roundProgress, type GoalNode } from '@qizhi/domain';
import { goals } from '../../db/schema/index.ts';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { DEMO_USERNAMES, OTHER_COURT, type DemoUsername } from '../../test/fixtures.ts';

let ctx: TestContext;
const sessions = {} as Record<DemoUsername, Session>;
beforeAll(async () => {
  ctx = await createTestContext();
  for (const u of DEMO_USERNAMES) sessions[u] = await ctx.login(u);
});
afterAll(async () => {
  await ctx.close();
});

type GoalItem = GoalNode & {
  level: string;
  progress: number;
  overdue: boolean;
  lateSelf: boolean;
  dimension: string;
  currentValue: number | null;
  childCount: number;
};

const levelUrl = (year: number, parentId?: string) =>
  `/api/goals?year=${String(year)}${parentId ? `&parentId=${parentId}` : ''}`;

/**
 * The year's whole tree read as the screen reads it: the roots, then each goal's children, a level
 * at a time. Every level answers for its parent, and every goal's child count is its children listed.
 */
async function walkYear(s: Session, year: number): Promise<GoalItem[]> {
  const all: GoalItem[] = [];
  let parents: GoalItem[] | undefined;
  while (parents === undefined || parents.length > 0) {
    const levels = await Promise.all(
      (parents ?? [undefined]).map(async (parent) => {
        const res = await s.request({ method: 'GET', url: levelUrl(year, parent?.id) });
        expect(res.statusCode).toBe(200);
        const body = res.json<{ year: number; parentId: string | null; items: GoalItem[] }>();
        expect(body).toMatchObject({ year, parentId: parent?.id ?? null });
        expect(body.items.every((g) => g.parentId === (parent?.id ?? null))).toBe(true);
        if (parent) expect(body.items).toHaveLength(parent.childCount);
        return body.items;
      }),
    );
    const items = levels.flat();
    all.push(...items);
    parents = items.filter((g) => g.childCount > 0);
  }
  return all;
}

describe('the demo court-year', () => {
  it('lists every goal of the year with computed progress and overdue flags, one tree of four levels', async () => {
    const items = await walkYear(sessions.secretary, 2026);
    expect(items).toHaveLength(281);
    const levels = new Set(items.map((g) => g.level));
    expect([...levels].sort()).toEqual(['branch', 'member', 'party_group', 'unit']);
    expect(items.filter((g) => g.level === 'party_group')).toHaveLength(6);
    expect(new Set(items.filter((g) => g.level === 'party_group').map((g) => g.dimension)).size).toBe(6);
    expect(items.every((g) => g.progress >= 0 && g.progress <= 1)).toBe(true);
    expect(items.some((g) => g.progress === 1)).toBe(true);
    expect(items.some((g) => g.lateSelf)).toBe(true);
    // The server's numbers are the domain's roll-up of the values it shows: computed, not stored.
    const expected = rollUpGoals(
      items.map((g) => ({ ...g, acceptedValue: g.currentValue })),
      courtToday(),
    );
    // The server rounds to four places (roundProgress). A value on a half, such as 0.90925, may round
    // either way once the same numbers are summed in another order (the database's order is not the
    // test's), so a rounded value may differ by one in the fourth place and no more.
    for (const g of items) {
      const rounded = roundProgress(expected.get(g.id)!.progress);
      expect(Math.abs(g.progress - rounded), g.id).toBeLessThanOrEqual(0.0001 + 1e-9);
    }
    const roots = items.filter((g) => g.parentId === null);
    expect(roots.some((g) => g.overdue)).toBe(true);
  });

  it('answers 401 without a session, 403 without goals.read, 400 for a bad year', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/goals?year=2026' })).statusCode).toBe(401);
    for (const u of DEMO_USERNAMES) {
      const res = await sessions[u].request({ method: 'GET', url: '/api/goals?year=2026' });
      expect(res.statusCode, u).toBe(['leader', 'secretary', 'clerk'].includes(u) ? 200 : 403);
    }
    for (const y of ['abc', '1999', '2026.5']) {
      const res = await sessions.leader.request({ method: 'GET', url: `/api/goals?year=${y}` });
      expect(res.statusCode, y).toBe(400);
      expect(res.json().error.message).toContain('年度');
    }
    const empty = (await sessions.leader.request({ method: 'GET', url: '/api/goals?year=2031' })).json();
    expect(empty).toEqual({ year: 2031, parentId: null, items: [], allowed: expect.any(Array) });
  });

  it('sends the tree a level at a time: the roots, a goal’s children, and a goal’s path from its root', async () => {
    const roots = (await sessions.leader.request({ method: 'GET', url: levelUrl(2026) })).json();
    expect(roots.parentId).toBeNull();
    expect(roots.items).toHaveLength(6);
    expect(roots.items.every((g: GoalItem) => g.level === 'party_group' && g.parentId === null)).toBe(true);
    const root = roots.items.find((g: GoalItem) => g.childCount > 0) as GoalItem;
    const children = (await sessions.leader.request({ method: 'GET', url: levelUrl(2026, root.id) })).json();
    expect(children.parentId).toBe(root.id);
    expect(children.items).toHaveLength(root.childCount);
    expect(children.items.every((g: GoalItem) => g.level === 'branch' && g.parentId === root.id)).toBe(true);
    // A parent's progress is rolled up over its whole subtree, not only the level sent.
    const child = children.items.find((g: GoalItem) => g.childCount > 0) as GoalItem;
    const grandchildren = (await sessions.leader.request({ method: 'GET', url: levelUrl(2026, child.id) })).json();
    const leaf = grandchildren.items[0] as GoalItem;
    const path = await sessions.leader.request({ method: 'GET', url: `/api/goals/${leaf.id}/path` });
    expect(path.statusCode).toBe(200);
    expect(path.json().items).toEqual([root, child, leaf]);
    const rootPath = (await sessions.leader.request({ method: 'GET', url: `/api/goals/${root.id}/path` })).json();
    expect(rootPath.items).toEqual([root]);
    // A level of another year under the same goal is empty; an unknown goal is not found.
    expect((await sessions.leader.request({ method: 'GET', url: levelUrl(2027, root.id) })).json()).toMatchObject({
      year: 2027,
      parentId: root.id,
      items: [],
    });
    const unknown = crypto.randomUUID();
    expect((await sessions.leader.request({ method: 'GET', url: levelUrl(2026, unknown) })).statusCode).toBe(404);
    expect((await sessions.leader.request({ method: 'GET', url: `/api/goals/${unknown}/path` })).statusCode).toBe(404);
    const bad = await sessions.leader.request({ method: 'GET', url: '/api/goals?year=2026&parentId=abc' });
    expect(bad.statusCode).toBe(400);
  });

  it("keeps another court's goals out of reach: a level under them and their path are not found", async () => {
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}secretary`);
    const [foreign] = (await other.request({ method: 'GET', url: levelUrl(2026) })).json().items as GoalItem[];
    expect(foreign).toBeDefined();
    expect((await other.request({ method: 'GET', url: `/api/goals/${foreign!.id}/path` })).statusCode).toBe(200);
    const level = await sessions.leader.request({ method: 'GET', url: levelUrl(2026, foreign!.id) });
    expect(level.statusCode).toBe(404);
    expect(level.json().error.code).toBe('NOT_FOUND');
    expect((await sessions.leader.request({ method: 'GET', url: `/api/goals/${foreign!.id}/path` })).statusCode).toBe(
      404,
    );
  });

  it('answers 401 and 403 for a level and a path as for the year', async () => {
    const [root] = (await sessions.leader.request({ method: 'GET', url: levelUrl(2026) })).json().items as GoalItem[];
    const urls = [levelUrl(2026, root!.id), `/api/goals/${root!.id}/path`];
    for (const url of urls) {
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      for (const u of DEMO_USERNAMES) {
        const res = await sessions[u].request({ method: 'GET', url });
        expect(res.statusCode, `${u} ${url}`).toBe(['leader', 'secretary', 'clerk'].includes(u) ? 200 : 403);
      }
    }
  });

  it("gives every member their own goals, with the last report; nobody else's", async () => {
    const mine = (await sessions.member.request({ method: 'GET', url: '/api/goals/mine?year=2026' })).json();
    expect(mine.items.length).toBeGreaterThanOrEqual(5);
    expect(mine.items.every((g: { level: string }) => g.level === 'member')).toBe(true);
    expect(new Set(mine.items.map((g: { ownerId: string }) => g.ownerId)).size).toBe(1);
    expect(mine.completion).toBeGreaterThan(0);
    expect(mine.items.some((g: { lastReport: { status: string } | null }) => g.lastReport?.status === 'pending')).toBe(
      true,
    );
    const admin = (await sessions.admin.request({ method: 'GET', url: '/api/goals/mine' })).json();
    expect(admin.items).toEqual([]);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/goals/mine' })).statusCode).toBe(401);
    const foreign = mine.items[0].id;
    expect((await sessions.staff.request({ method: 'GET', url: `/api/goals/${foreign}` })).statusCode).toBe(404);
    expect((await sessions.member.request({ method: 'GET', url: `/api/goals/${foreign}` })).statusCode).toBe(200);
  });

  it('summarises the six court types and the year for the leader', async () => {
    const dims = await sessions.leader.request({ method: 'GET', url: '/api/goals/dimensions?year=2026' });
    expect(dims.statusCode).toBe(200);
    expect(dims.json().items.map((d: { dimension: string }) => d.dimension)).toEqual([
      'learning',
      'service',
      'regulated',
      'clean',
      'harmonious',
      'innovative',
    ]);
    expect(dims.json().items.every((d: { progress: number }) => d.progress > 0 && d.progress <= 1)).toBe(true);
    const summary = (await sessions.leader.request({ method: 'GET', url: '/api/goals/summary?year=2026' })).json();
    expect(summary.goalCount).toBe(281);
    expect(summary.lateCount).toBe(summary.late.length);
    expect(summary.levels.find((l: { level: string }) => l.level === 'member').goalCount).toBeGreaterThan(200);
    expect(summary.overallProgress).toBeGreaterThan(0);
    expect((await sessions.member.request({ method: 'GET', url: '/api/goals/summary' })).statusCode).toBe(403);
    expect((await sessions.staff.request({ method: 'GET', url: '/api/goals/dimensions' })).statusCode).toBe(403);
  });

  it('validates goal creation field by field', async () => {
    const units = (await sessions.leader.request({ method: 'GET', url: '/api/org-units' })).json().items;
    const partyGroup = units.find((u: { kind: string }) => u.kind === 'party_group');
    const branch = units.find((u: { kind: string }) => u.kind === 'branch');
    const base = {
      year: 2027,
      level: 'party_group',
      title: '目标',
      dimension: 'clean',
      indicatorKind: 'count',
      targetValue: 3,
      owner: { kind: 'org_unit', id: partyGroup.id },
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, title: '' }, 'title'],
      [{ ...base, dimension: 'happy' }, 'dimension'],
      [{ ...base, targetValue: 0 }, 'targetValue'],
      [{ ...base, targetValue: undefined }, 'targetValue'],
      [{ ...base, weight: -1 }, 'weight'],
      [{ ...base, weight: 0.125 }, 'weight'],
      [{ ...base, deadline: '2027-02-30' }, 'deadline'],
      [{ ...base, owner: { kind: 'org_unit', id: branch.id } }, 'owner'],
      [{ ...base, owner: { kind: 'person', id: partyGroup.id } }, 'owner'],
      [{ ...base, colour: 'red' }, ''],
    ];
    for (const [payload, path] of cases) {
      const res = await sessions.leader.request({ method: 'POST', url: '/api/goals', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      if (path)
        expect(
          res.json().error.details.issues.map((i: { path: string }) => i.path),
          path,
        ).toContain(path);
    }
    // Control characters never reach the database (issue 11): among them the U+001E/U+001F separators
    // the year's summaries pack goals with, so a title cannot break that packing.
    const odd = await sessions.leader.request({
      method: 'POST',
      url: '/api/goals',
      payload: { ...base, year: 2025, title: '甲\u001f乙\u001e丙', unit: '次\u001f', deadline: '2025-06-30' },
    });
    expect(odd.statusCode).toBe(400);
    expect(odd.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await sessions.member.request({ method: 'POST', url: '/api/goals', payload: base })).statusCode).toBe(403);
    const bySecretary = await sessions.secretary.request({ method: 'POST', url: '/api/goals', payload: base });
    expect(bySecretary.statusCode).toBe(403);
  });
});

describe('what the goal form may offer', () => {
  it('lists only the levels and organisations the user may set a top goal for, and each of them saves', async () => {
    const allowedOf = async (u: DemoUsername) =>
      (await sessions[u].request({ method: 'GET', url: levelUrl(2028) })).json().allowed as {
        level: string;
        owners: { id: string; name: string }[];
      }[];
    const secretary = await allowedOf('secretary');
    expect(secretary.map((a) => a.level)).toEqual(['branch']);
    expect((await allowedOf('leader')).map((a) => a.level)).toContain('party_group');
    for (const u of ['leader', 'secretary'] as const) {
      for (const { level, owners } of await allowedOf(u)) {
        const res = await sessions[u].request({
          method: 'POST',
          url: '/api/goals',
          payload: {
            year: 2028,
            level,
            title: `${u}可制定的目标`,
            dimension: 'clean',
            indicatorKind: 'count',
            targetValue: 1,
            owner: { kind: 'org_unit', id: owners[0]!.id },
          },
        });
        expect(res.statusCode, `${u} ${level}`).toBe(201);
      }
    }
    // A goal's children come from decomposing it, never from the form.
    const root = (await sessions.leader.request({ method: 'GET', url: levelUrl(2028) })).json().items[0];
    const below = await sessions.leader.request({ method: 'GET', url: levelUrl(2028, root.id) });
    expect(below.json().allowed).toEqual([]);
  });
});

describe('scale', () => {
  it('loads the first level of a four-level tree of 2,000 goals in one request, rolled up over the whole tree', async () => {
    const tenant = (await sessions.leader.request({ method: 'GET', url: '/api/auth/me' })).json().user
      .tenantId as string;
    const units = (await sessions.leader.request({ method: 'GET', url: '/api/org-units' })).json().items;
    const partyGroup = units.find((u: { kind: string }) => u.kind === 'party_group').id as string;
    const rows: (typeof goals.$inferInsert)[] = [];
    const add = (
      parentId: string | null,
      level: 'party_group' | 'branch' | 'unit' | 'member',
      value: number | null,
    ) => {
      const id = crypto.randomUUID();
      rows.push({
        tenantId: tenant,
        id,
        year: 2030,
        parentId,
        level,
        title: `${level} ${String(rows.length)}`,
        dimension: 'learning',
        indicatorKind: 'count',
        targetValue: 10,
        weight: 1,
        ownerKind: 'org_unit',
        ownerOrgUnitId: partyGroup,
        deadline: '2030-12-31',
        acceptedValue: value,
      });
      return id;
    };
    for (let r = 0; r < 2; r++) {
      const root = add(null, 'party_group', null);
      for (let b = 0; b < 27; b++) {
        const branch = add(root, 'branch', null);
        for (let u = 0; u < 4; u++) {
          const unit = add(branch, 'unit', null);
          for (let m = 0; m < 8; m++) add(unit, 'member', m % 2 === 0 ? 10 : 5);
        }
      }
    }
    expect(rows).toHaveLength(2_000);
    for (let i = 0; i < rows.length; i += 500) await ctx.database.db.insert(goals).values(rows.slice(i, i + 500));
    const started = performance.now();
    const res = await sessions.leader.request({ method: 'GET', url: levelUrl(2030) });
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(200);
    const roots = res.json().items as GoalItem[];
    expect(roots).toHaveLength(2);
    expect(roots.every((g) => g.progress === 0.75 && g.childCount === 27)).toBe(true);
    expect(ms).toBeLessThan(2_000);
    const items = await walkYear(sessions.leader, 2030);
    expect(items).toHaveLength(2_000);
    expect(items.filter((g) => g.parentId === null).every((g) => g.progress === 0.75)).toBe(true);
    // The API compresses from 4 KB up for a client that accepts gzip (27 branch goals are ≈12 KB).
    const url = levelUrl(2030, roots[0]!.id);
    const plain = await sessions.leader.request({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(4096);
    const zipped = await sessions.leader.request({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    const small = await sessions.leader.request({
      method: 'GET',
      url: levelUrl(2030),
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(small.rawPayload.length).toBeLessThan(4096);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
