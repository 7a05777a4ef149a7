/**
 * Items from their source (meeting resolutions, 四议两公开, commitments, 民主评议) and attachments on the
 * public portal (issue 15): the text is the source's, through the same approval; files only by the item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let clerk: Session;
let secretary: Session;
let member: Session;
let leader: Session;
let otherClerk: Session;
const COURT = '?court=anze';
const get = (url: string) => ctx.app.inject({ method: 'GET', url });

beforeAll(async () => {
  ctx = await createTestContext();
  clerk = await ctx.login('clerk');
  secretary = await ctx.login('secretary');
  member = await ctx.login('member');
  leader = await ctx.login('leader');
  otherClerk = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
});
afterAll(async () => {
  await ctx.close();
});

interface Candidate {
  kind: string;
  ref: string;
  label: string;
  text: string;
  disclosureIds: string[];
}
const period = { channels: ['board', 'website'], publishFrom: '2026-01-01' };

describe('items from their source', () => {
  it('401, 403 and 400 on the source routes', async () => {
    expect((await get('/api/openness/sources')).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/openness/from-source', payload: {} })).statusCode).toBe(
      401,
    );
    for (const s of [member, leader]) {
      expect((await s.request({ method: 'GET', url: '/api/openness/sources' })).statusCode).toBe(403);
      const res = await s.request({
        method: 'POST',
        url: '/api/openness/from-source',
        payload: { kind: 'commitments', ref: '2026', ...period },
      });
      expect(res.statusCode).toBe(403);
    }
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'minutes', ref: '2026', ...period }, 'kind'],
      [{ kind: 'commitments', ref: 'this-year', ...period }, 'ref'],
      [{ kind: 'meeting', ref: '2026', ...period }, 'ref'],
      [{ kind: 'meeting', ref: '00000000-0000-4000-8000-000000000000', ...period }, 'ref'],
      [{ kind: 'commitments', ref: '1999', ...period }, 'ref'],
      [{ kind: 'commitments', ref: '2026', ...period, channels: [] }, 'channels'],
      [{ kind: 'commitments', ref: '2026', ...period, body: '正文' }, ''],
    ];
    for (const [payload, path] of cases) {
      const res = await clerk.request({ method: 'POST', url: '/api/openness/from-source', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      if (path) expect(JSON.stringify(res.json().error.details), path).toContain(path);
    }
  });

  it('a meeting’s resolutions become an item: the source’s text, approved by another, shown, withdrawn', async () => {
    const sources = (await clerk.request({ method: 'GET', url: '/api/openness/sources' })).json().items as Candidate[];
    const kinds = new Set(sources.map((s) => s.kind));
    expect(kinds.has('meeting')).toBe(true);
    expect(kinds.has('commitments')).toBe(true);
    // The demo court shows its latest decided meetings and this year's commitments from their source already.
    expect(sources.find((s) => s.kind === 'commitments')!.disclosureIds.length).toBe(1);
    const meeting = sources.find((s) => s.kind === 'meeting' && s.disclosureIds.length === 0)!;
    expect(meeting.text).toMatch(/表决情况|会议决议/);

    // Another court cannot reach this court's meeting.
    const foreign = await otherClerk.request({
      method: 'POST',
      url: '/api/openness/from-source',
      payload: { kind: 'meeting', ref: meeting.ref, ...period },
    });
    expect(foreign.statusCode).toBe(400);

    const created = await clerk.request({
      method: 'POST',
      url: '/api/openness/from-source',
      payload: { kind: 'meeting', ref: meeting.ref, ...period },
    });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({
      status: 'draft',
      category: 'meetings',
      body: meeting.text,
      source: { kind: 'meeting', ref: meeting.ref, available: true, url: `/meetings/${meeting.ref}` },
    });
    const again = await clerk.request({
      method: 'POST',
      url: '/api/openness/from-source',
      payload: { kind: 'meeting', ref: meeting.ref, ...period },
    });
    expect(again.statusCode).toBe(409);
    const bodyEdit = await clerk.request({ method: 'PATCH', url: `/api/openness/${item.id}`, payload: { body: '改' } });
    expect(bodyEdit.statusCode).toBe(400);
    const titled = await clerk.request({
      method: 'PATCH',
      url: `/api/openness/${item.id}`,
      payload: { title: '支部党员大会决议公开' },
    });
    expect(titled.json()).toMatchObject({ title: '支部党员大会决议公开', body: meeting.text });

    expect((await get(`/public/items/${item.id}${COURT}`)).statusCode).toBe(404);
    await clerk.request({ method: 'POST', url: `/api/openness/${item.id}/submit` });
    expect((await get(`/public/items/${item.id}${COURT}`)).statusCode).toBe(404);
    expect((await secretary.request({ method: 'POST', url: `/api/openness/${item.id}/approve` })).statusCode).toBe(200);
    const api = (await get(`/api/public/openness${COURT}&category=meetings`)).json();
    const shown = api.items.find((i: { id: string }) => i.id === item.id);
    expect(shown).toMatchObject({ source: 'meetings', title: '支部党员大会决议公开' });
    expect(shown.body).toBe(meeting.text);
    expect((await get(`/public/items/${item.id}${COURT}`)).body).toContain('支部党员大会决议公开');

    await secretary.request({
      method: 'POST',
      url: `/api/openness/${item.id}/withdraw`,
      payload: { reason: '决议已被更正，待重新公开' },
    });
    expect((await get(`/public/items/${item.id}${COURT}`)).statusCode).toBe(404);
    // Withdrawn, the source may be shown again.
    const relisted = (await clerk.request({ method: 'GET', url: '/api/openness/sources' })).json().items as Candidate[];
    expect(relisted.find((s) => s.ref === meeting.ref)!.disclosureIds).toEqual([]);

    const audit = (
      await (await ctx.login('auditor')).request({ method: 'GET', url: `/api/audit?entity=disclosure` })
    ).json();
    expect(
      audit.items.some(
        (e: { entityId: string; summary: string }) => e.entityId === item.id && e.summary.includes('来源'),
      ),
    ).toBe(true);
  });

  it('the public sees no item of a source unless an approved item shows it', async () => {
    const api = (await get(`/api/public/openness${COURT}`)).json();
    const bySource = new Set(api.items.map((i: { source: string }) => i.source));
    expect(bySource.has('commitments')).toBe(true);
    expect(bySource.has('meetings')).toBe(true);
    const sources = (await clerk.request({ method: 'GET', url: '/api/openness/sources' })).json().items as Candidate[];
    const unlinked = sources.filter((s) => s.disclosureIds.length === 0).map((s) => s.text);
    const bodies = new Set(api.items.map((i: { body: string }) => i.body));
    for (const text of unlinked) expect(bodies.has(text)).toBe(false);
  });
});

describe('attachments on the portal', () => {
  const TEXT = '公示材料：联系人李四，电话13912345678，身份证14102619900307123X。';
  async function upload(who: Session, name = '公示材料.txt') {
    const res = await who.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile('file', name, Buffer.from(TEXT), 'text/plain'),
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }

  it('downloads only through an item on show; never by bare id; 404 before approval and after withdrawal', async () => {
    const fileId = await upload(clerk);
    const other = await upload(clerk, '另一份.txt');
    const created = await clerk.request({
      method: 'POST',
      url: '/api/openness',
      payload: {
        scope: 'court',
        category: 'other',
        title: '附件公开测试',
        body: '见附件。',
        channels: ['website'],
        publishFrom: '2026-01-01',
        attachmentFileIds: [fileId],
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json().attachments).toEqual([{ id: fileId, name: '公示材料.txt', size: Buffer.byteLength(TEXT) }]);
    const url = `/public/items/${id}/files/${fileId}${COURT}`;
    expect((await get(url)).statusCode).toBe(404);
    await clerk.request({ method: 'POST', url: `/api/openness/${id}/submit` });
    expect((await get(url)).statusCode).toBe(404);
    await secretary.request({ method: 'POST', url: `/api/openness/${id}/approve` });

    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body).toContain('公示材料：联系人李四');
    expect(res.body).not.toContain('13912345678');
    expect(res.body).not.toContain('14102619900307123X');
    const page = await get(`/public/items/${id}${COURT}`);
    expect(page.body).toContain(`/public/items/${id}/files/${fileId}`);
    expect(page.body).toContain('公示材料.txt');
    const api = (await get(`/api/public/openness${COURT}`)).json();
    expect(api.items.find((i: { id: string }) => i.id === id).attachments).toEqual([
      { name: '公示材料.txt', url: `/public/items/${id}/files/${fileId}`, size: Buffer.byteLength(TEXT) },
    ]);

    // Not by bare id, not a file the item does not hold, not through another court.
    expect((await get(`/api/files/${fileId}`)).statusCode).toBe(401);
    // (Where the web app is built, an unknown page answers its index.html: never the file.)
    const bare = await get(`/public/files/${fileId}`);
    expect(bare.headers['content-disposition']).toBeUndefined();
    expect(bare.body).not.toContain('公示材料：联系人李四');
    expect((await get(`/public/items/${id}/files/${other}${COURT}`)).statusCode).toBe(404);
    expect((await get(`/public/items/${id}/files/${fileId}?court=${OTHER_COURT.code}`)).statusCode).toBe(404);
    expect((await get(`/public/items/${id}/files/not-an-id${COURT}`)).statusCode).toBe(404);

    await secretary.request({ method: 'POST', url: `/api/openness/${id}/withdraw`, payload: { reason: '附件有误' } });
    expect((await get(url)).statusCode).toBe(404);
  });
});
