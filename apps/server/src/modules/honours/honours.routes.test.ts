import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let clerk: Session;
let member: Session;
let leader: Session;
let staff: Session;
let memberId: string;
const PDF = Buffer.from('%PDF-1.4\n%demo certificate\n');
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  clerk = await ctx.login('clerk');
  member = await ctx.login('member');
  leader = await ctx.login('leader');
  staff = await ctx.login('staff');
  memberId = (await member.request({ method: 'GET', url: '/api/members/me' })).json().id;
});
afterAll(async () => {
  await ctx.close();
});

describe('honours', () => {
  it('lists 70+ collective and 30+ individual honours, with the 2013 national award of the method', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/honours' })).statusCode).toBe(401);
    const collective = (await staff.request({ method: 'GET', url: '/api/honours?kind=collective' })).json();
    const individual = (await staff.request({ method: 'GET', url: '/api/honours?kind=individual' })).json();
    expect(collective.total).toBeGreaterThanOrEqual(70);
    expect(individual.total).toBeGreaterThanOrEqual(30);
    expect(individual.items.every((h: { personId: string | null }) => h.personId !== null)).toBe(true);
    // "30+ members honoured" (mechanism.md §5): distinct people, not 30 honours shared by fewer.
    const all = (await staff.request({ method: 'GET', url: '/api/honours?kind=individual&pageSize=100' })).json();
    expect(all.total).toBe(all.items.length);
    expect(new Set(all.items.map((h: { personId: string }) => h.personId)).size).toBeGreaterThanOrEqual(30);
    expect(collective.items).toContainEqual(
      expect.objectContaining({
        title: '全国法院党建创新优秀案例',
        issuedBy: '最高人民法院',
        level: 'national',
        awardedOn: '2013-12-20',
      }),
    );
    const y2013 = (await staff.request({ method: 'GET', url: '/api/honours?year=2013&level=national' })).json();
    expect(y2013.items.map((h: { title: string }) => h.title)).toContain('全国法院党建创新优秀案例');
    expect(
      collective.byLevel.county + collective.byLevel.city + collective.byLevel.province + collective.byLevel.national,
    ).toBe(collective.total);
    for (const q of ['kind=team', 'level=world', 'year=99']) {
      expect((await staff.request({ method: 'GET', url: `/api/honours?${q}` })).statusCode, q).toBe(400);
    }
  });

  it('registers a collective honour with a certificate scan and an individual one; validates the recipient', async () => {
    const scan = await clerk.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile('file', '证书.pdf', PDF, 'application/pdf'),
    });
    const base = { title: '全市法院先进集体', level: 'city', awardedOn: '2026-01-20', issuedBy: '临汾市中级人民法院' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, kind: 'collective' }, 'recipientName'],
      [{ ...base, kind: 'collective', recipientName: '执行局', personId: memberId }, 'personId'],
      [{ ...base, kind: 'individual' }, 'personId'],
      [{ ...base, kind: 'individual', personId: '00000000-0000-4000-8000-000000000000' }, 'personId'],
      [{ ...base, kind: 'collective', recipientName: '执行局', level: 'world' }, 'level'],
      [{ ...base, kind: 'collective', recipientName: '执行局', awardedOn: '2026-02-31' }, 'awardedOn'],
      [
        {
          ...base,
          kind: 'collective',
          recipientName: '执行局',
          certificateFileId: '00000000-0000-4000-8000-000000000000',
        },
        'certificateFileId',
      ],
    ];
    for (const [payload, path] of cases) {
      const res = await clerk.request({ method: 'POST', url: '/api/honours', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const payload = { ...base, kind: 'collective', recipientName: '执行局', certificateFileId: scan.json().id };
    expect((await member.request({ method: 'POST', url: '/api/honours', payload })).statusCode).toBe(403);
    expect((await leader.request({ method: 'POST', url: '/api/honours', payload })).statusCode).toBe(403);
    const created = await clerk.request({ method: 'POST', url: '/api/honours', payload });
    expect(created.statusCode).toBe(201);
    expect(created.json().certificate).toMatchObject({ name: '证书.pdf', mime: 'application/pdf' });
    const person = await secretary.request({
      method: 'POST',
      url: '/api/honours',
      payload: { ...base, title: '全市优秀共产党员', kind: 'individual', personId: memberId },
    });
    const me = (await member.request({ method: 'GET', url: '/api/members/me' })).json();
    expect(person.json()).toMatchObject({ recipientName: me.name, personId: memberId });
    const edited = await clerk.request({
      method: 'PATCH',
      url: `/api/honours/${created.json().id}`,
      payload: { level: 'province' },
    });
    expect(edited.json()).toMatchObject({ level: 'province', recipientName: '执行局' });
    expect((await clerk.request({ method: 'DELETE', url: `/api/honours/${created.json().id}` })).statusCode).toBe(200);
    expect((await clerk.request({ method: 'DELETE', url: `/api/honours/${created.json().id}` })).statusCode).toBe(404);
  });
});

describe('rewards and penalties (奖惩)', () => {
  it('shows a member their own record, others only to the roster’s readers and registrars', async () => {
    const own = await member.request({ method: 'GET', url: '/api/sanctions' });
    expect(own.statusCode).toBe(200);
    expect(own.json().items.length).toBeGreaterThanOrEqual(1);
    expect(own.json().items.every((s: { personId: string }) => s.personId === memberId)).toBe(true);
    const all = (await clerk.request({ method: 'GET', url: '/api/sanctions' })).json().items;
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(all.some((s: { kind: string }) => s.kind === 'criticism')).toBe(true);
    const someoneElse = all.find((s: { personId: string }) => s.personId !== memberId).personId;
    expect((await member.request({ method: 'GET', url: `/api/sanctions?personId=${someoneElse}` })).statusCode).toBe(
      403,
    );
    expect((await leader.request({ method: 'GET', url: `/api/sanctions?personId=${someoneElse}` })).statusCode).toBe(
      200,
    );
    expect((await leader.request({ method: 'GET', url: '/api/sanctions' })).statusCode).toBe(403);
    expect((await staff.request({ method: 'GET', url: '/api/sanctions' })).json().items).toEqual([]);
  });

  it('registers, edits and deletes a record with validation and audit', async () => {
    const base = {
      personId: memberId,
      kind: 'commendation',
      title: '嘉奖',
      level: 'court',
      decidedOn: '2026-06-30',
      reason: '上半年结案率第一',
      issuedBy: '安泽县人民法院',
    };
    for (const [payload, path] of [
      [{ ...base, kind: 'prize' }, 'kind'],
      [{ ...base, reason: '' }, 'reason'],
      [{ ...base, personId: '00000000-0000-4000-8000-000000000000' }, 'personId'],
    ] as const) {
      const res = await clerk.request({ method: 'POST', url: '/api/sanctions', payload });
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect((await member.request({ method: 'POST', url: '/api/sanctions', payload: base })).statusCode).toBe(403);
    const created = await clerk.request({ method: 'POST', url: '/api/sanctions', payload: base });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(
      (await clerk.request({ method: 'PATCH', url: `/api/sanctions/${id}`, payload: { level: 'county' } })).json()
        .level,
    ).toBe('county');
    expect(
      (await member.request({ method: 'GET', url: '/api/sanctions' })).json().items.map((s: { id: string }) => s.id),
    ).toContain(id);
    expect((await clerk.request({ method: 'DELETE', url: `/api/sanctions/${id}` })).statusCode).toBe(200);
    const auditor = await ctx.login('auditor');
    const actions = (await auditor.request({ method: 'GET', url: '/api/audit?action=sanction' }))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['sanction.delete', 'sanction.update', 'sanction.create']);
  });

  it("another court's honours, records and people cannot be reached", async () => {
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    const otherHonour = (await other.request({ method: 'GET', url: '/api/honours' })).json().items[0].id;
    const otherSanction = (await other.request({ method: 'GET', url: '/api/sanctions' })).json().items[0];
    expect(
      (await clerk.request({ method: 'PATCH', url: `/api/honours/${otherHonour}`, payload: { title: '改' } }))
        .statusCode,
    ).toBe(404);
    expect((await clerk.request({ method: 'DELETE', url: `/api/honours/${otherHonour}` })).statusCode).toBe(404);
    expect(
      (await clerk.request({ method: 'PATCH', url: `/api/sanctions/${otherSanction.id}`, payload: { title: '改' } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await clerk.request({ method: 'GET', url: `/api/sanctions?personId=${otherSanction.personId}` })).json().items,
    ).toEqual([]);
    expect(
      (await leader.request({ method: 'GET', url: `/api/sanctions?personId=${otherSanction.personId}` })).statusCode,
    ).toBe(404);
    const created = await clerk.request({
      method: 'POST',
      url: '/api/sanctions',
      payload: {
        personId: otherSanction.personId,
        kind: 'criticism',
        title: '越界',
        level: 'court',
        decidedOn: '2026-01-01',
        reason: 'x',
        issuedBy: 'x',
      },
    });
    expect(created.statusCode).toBe(400);
  });
});
