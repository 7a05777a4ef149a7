import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let clerk: Session;
let secretary: Session;
let leader: Session;
let member: Session;
let otherSecretary: Session;
const COURT = '?court=anze';

beforeAll(async () => {
  ctx = await createTestContext();
  clerk = await ctx.login('clerk');
  secretary = await ctx.login('secretary');
  leader = await ctx.login('leader');
  member = await ctx.login('member');
  otherSecretary = await ctx.login(`${OTHER_COURT.usernamePrefix}secretary`);
});
afterAll(async () => {
  await ctx.close();
});

const get = (url: string) => ctx.app.inject({ method: 'GET', url });
const draft = (over: Record<string, unknown> = {}) => ({
  scope: 'party',
  category: 'meetings',
  title: '支部党员大会决议公开',
  body: '经支部党员大会表决通过，同意开展“我为群众办实事”活动。',
  channels: ['board', 'website', 'kiosk'],
  publishFrom: '2026-01-01',
  ...over,
});

describe('staff side: write, approve, withdraw', () => {
  it('401 without a session, 403 without the permission, 400 on bad input', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/openness' })).statusCode).toBe(401);
    expect((await member.request({ method: 'GET', url: '/api/openness' })).statusCode).toBe(403);
    expect((await member.request({ method: 'POST', url: '/api/openness', payload: draft() })).statusCode).toBe(403);
    expect((await leader.request({ method: 'POST', url: '/api/openness', payload: draft() })).statusCode).toBe(403);
    expect((await leader.request({ method: 'GET', url: '/api/openness?status=pending' })).statusCode).toBe(200);
    const cases: [Record<string, unknown>, string][] = [
      [draft({ scope: 'village' }), 'scope'],
      [draft({ channels: [] }), 'channels'],
      [draft({ title: '' }), 'title'],
      [draft({ body: '联系人电话13812345678' }), 'body'],
      [draft({ body: '身份证14102619900307123X' }), 'body'],
      [draft({ publishUntil: '2025-12-31' }), 'publishUntil'],
      [draft({ publishFrom: '2026-02-30' }), 'publishFrom'],
      [draft({ extra: 1 }), ''],
      [draft({ attachmentFileIds: ['00000000-0000-4000-8000-000000000000'] }), 'attachmentFileIds'],
    ];
    for (const [payload, path] of cases) {
      const res = await clerk.request({ method: 'POST', url: '/api/openness', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      if (path) expect(JSON.stringify(res.json().error.details), path).toContain(path);
    }
  });

  it('a draft is 404 to the public until approved by someone else; withdrawn it is gone again', async () => {
    const created = await clerk.request({ method: 'POST', url: '/api/openness', payload: draft() });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json().status).toBe('draft');
    expect((await get(`/public/items/${id}${COURT}`)).statusCode).toBe(404);
    const approveDraft = await secretary.request({ method: 'POST', url: `/api/openness/${id}/approve` });
    expect(approveDraft.statusCode).toBe(409);

    expect((await clerk.request({ method: 'POST', url: `/api/openness/${id}/submit` })).json().status).toBe('pending');
    expect((await get(`/public/items/${id}${COURT}`)).statusCode).toBe(404);
    expect((await clerk.request({ method: 'POST', url: `/api/openness/${id}/approve` })).statusCode).toBe(403);
    // Another court's approver cannot see it.
    expect((await otherSecretary.request({ method: 'POST', url: `/api/openness/${id}/approve` })).statusCode).toBe(404);
    const approved = await secretary.request({ method: 'POST', url: `/api/openness/${id}/approve` });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'published', onShow: true });

    const api = (await get(`/api/public/openness${COURT}&scope=party&category=meetings`)).json();
    expect(api.items.map((i: { id: string }) => i.id)).toContain(id);
    const page = await get(`/public${COURT}`);
    expect(page.body).toContain('支部党员大会决议公开');
    expect((await get(`/kiosk${COURT}`)).body).toContain('支部党员大会决议公开');
    expect((await get(`/public/items/${id}${COURT}`)).body).toContain('我为群众办实事');
    expect((await get(`/public/items/${id}/poster${COURT}`)).body).toContain('class="poster"');

    expect(
      (await clerk.request({ method: 'PATCH', url: `/api/openness/${id}`, payload: { title: '改' } })).statusCode,
    ).toBe(409);
    expect(
      (await secretary.request({ method: 'POST', url: `/api/openness/${id}/withdraw`, payload: { reason: '' } }))
        .statusCode,
    ).toBe(400);
    const withdrawn = await secretary.request({
      method: 'POST',
      url: `/api/openness/${id}/withdraw`,
      payload: { reason: '表述有误，更正后重新公开' },
    });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: '表述有误，更正后重新公开' });
    expect((await get(`/public/items/${id}${COURT}`)).statusCode).toBe(404);
    expect((await get(`/api/public/openness${COURT}`)).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    const audit = (
      await (await ctx.login('auditor')).request({ method: 'GET', url: '/api/audit?entity=disclosure' })
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['disclosure.create', 'disclosure.submit', 'disclosure.approve', 'disclosure.withdraw']),
    );
  });

  it('a returned item goes back to draft with the note and can be edited', async () => {
    const id = (
      await clerk.request({ method: 'POST', url: '/api/openness', payload: draft({ title: '待退回' }) })
    ).json().id as string;
    await clerk.request({ method: 'POST', url: `/api/openness/${id}/submit` });
    const returned = await secretary.request({
      method: 'POST',
      url: `/api/openness/${id}/return`,
      payload: { note: '请补充表决情况' },
    });
    expect(returned.json()).toMatchObject({ status: 'draft', returnNote: '请补充表决情况' });
    const edited = await clerk.request({ method: 'PATCH', url: `/api/openness/${id}`, payload: { title: '已补充' } });
    expect(edited.json().title).toBe('已补充');
  });
});

describe('the public side', () => {
  it('shows only items on show: no drafts, pending, withdrawn or expired; sources appear from their capability', async () => {
    const res = await get(`/api/public/openness${COURT}`);
    expect(res.statusCode).toBe(200);
    const titles = res.json().items.map((i: { title: string }) => i.title) as string[];
    expect(titles.some((t) => t.includes('党支部委员会组成情况'))).toBe(true);
    for (const hidden of ['修订稿', '第四季度主题党日安排', '退费办理须知', '开放日活动通知'])
      expect(
        titles.some((t) => t.includes(hidden)),
        hidden,
      ).toBe(false);
    const sources = new Set(res.json().items.map((i: { source: string }) => i.source));
    expect(sources.has('commitments')).toBe(true);
    const court = (await get(`/api/public/openness${COURT}&scope=court`)).json();
    expect(court.items.every((i: { scope: string }) => i.scope === 'court')).toBe(true);
    const search = (await get(`/api/public/openness${COURT}&q=${encodeURIComponent('党费')}`)).json();
    expect(search.items.length).toBeGreaterThan(0);
    expect(search.items.every((i: { title: string; body: string }) => (i.title + i.body).includes('党费'))).toBe(true);
    expect((await get(`/api/public/openness${COURT}&scope=secret`)).statusCode).toBe(400);
    expect((await get(`/api/public/openness${COURT}&category=x`)).statusCode).toBe(400);
  });

  it('which court: ?court=, 404 for an unknown one, 400 on a server of two courts without it; courts do not mix', async () => {
    expect((await get('/api/public/openness')).statusCode).toBe(400);
    expect((await get('/api/public/openness?court=nowhere')).statusCode).toBe(404);
    expect((await get('/public?court=nowhere')).statusCode).toBe(404);
    const anze = (await get(`/api/public/openness${COURT}`)).json();
    const other = (await get(`/api/public/openness?court=${OTHER_COURT.code}`)).json();
    expect(other.court.name).toBe(OTHER_COURT.name);
    // Typed items are the court's own rows; items from sources are named per court (commitments-2026 in each).
    const own = (r: { items: { id: string; source: string }[] }) =>
      r.items.filter((i) => i.source === 'openness').map((i) => i.id);
    const otherIds = new Set(own(other));
    expect(own(anze).filter((id) => otherIds.has(id))).toEqual([]);
    const anzeItem = anze.items.find((i: { source: string }) => i.source === 'openness');
    expect((await get(`/public/items/${anzeItem.id as string}?court=${OTHER_COURT.code}`)).statusCode).toBe(404);
  });

  it('the portal reads without scripts, the feed is RSS, the kiosk stays inside itself', async () => {
    const home = await get(`/public${COURT}`);
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.body).not.toContain('<script');
    expect(home.body).toContain('本周接访领导');
    expect(home.body).toContain('服务承诺');
    expect(home.headers['content-security-policy']).toContain("script-src 'self'");
    const hant = await get(`/public${COURT}&zh=hant`);
    expect(hant.body).toContain('黨務公開');
    expect(hant.body).toContain('lang="zh-Hant"');
    expect(hant.body).toContain('zh=hant');
    const css = await get('/public/portal.css');
    expect(css.headers['content-type']).toContain('text/css');
    const feed = await get(`/public/feed.xml${COURT}`);
    expect(feed.headers['content-type']).toContain('application/rss+xml');
    expect(feed.body).toContain('<rss version="2.0">');
    expect(feed.body).toContain('<item>');
    const kiosk = await get(`/kiosk${COURT}`);
    expect(kiosk.body).toContain('data-idle="60"');
    const hrefs = [...kiosk.body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    // No link out: only its screens and stylesheets (the culture wall's 廉政文化 screen brings its own).
    const stylesheets = ['/kiosk/kiosk.css', '/display/display.css'];
    expect(hrefs.filter((h) => !h.startsWith('#') && !stylesheets.includes(h))).toEqual([]);
    const script = await get('/kiosk/kiosk.js');
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body.length).toBeLessThan(4000);
    expect((await get(`/kiosk/content${COURT}`)).body).toContain('id="home"');
  });

  it('the week’s reception: a week by ISO name or date, 400 for anything else', async () => {
    const week = (await get(`/api/public/reception-rota${COURT}&week=2026-W10`)).json();
    expect(week.week).toEqual({ start: '2026-03-02', end: '2026-03-08' });
    expect(week.leaders).toHaveLength(1);
    expect(Object.keys(week.leaders[0]).sort()).toEqual(['date', 'name', 'place', 'post', 'time']);
    expect((await get(`/api/public/reception-rota${COURT}&week=2026-03-04`)).json().week.start).toBe('2026-03-02');
    expect((await get(`/api/public/reception-rota${COURT}`)).statusCode).toBe(200);
    for (const w of ['2026-W60', 'tomorrow', '2026-02-30'])
      expect((await get(`/api/public/reception-rota${COURT}&week=${w}`)).statusCode, w).toBe(400);
  });
});
