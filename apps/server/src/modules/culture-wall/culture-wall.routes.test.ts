import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let clerk: Session;
let secretary: Session;
let member: Session;
let auditor: Session;
let otherClerk: Session;
const COURT = '?court=anze';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  ctx = await createTestContext();
  clerk = await ctx.login('clerk');
  secretary = await ctx.login('secretary');
  member = await ctx.login('member');
  auditor = await ctx.login('auditor');
  otherClerk = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
});
afterAll(async () => {
  await ctx.close();
});

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });
const saying = (over: Record<string, unknown> = {}) => ({
  kind: 'saying',
  body: '治国者必以奉法为重。',
  source: '苏辙《上皇帝书》',
  ...over,
});
async function rows<T>(query: string): Promise<T[]> {
  const result: unknown = await ctx.database.db.execute(query);
  return (result as { rows: T[] }).rows;
}
async function screensOf(who: Session) {
  return (await who.request({ method: 'GET', url: '/api/culture-wall/screens' })).json().items as {
    id: string;
    name: string;
    kiosk: boolean;
    playlistId: string;
  }[];
}

describe('culture wall: who may keep it', () => {
  it('401 without a session, 403 without culture.manage reaching the court, 400 on bad input', async () => {
    for (const url of ['/api/culture-wall/items', '/api/culture-wall/playlists', '/api/culture-wall/screens'])
      expect((await get(url)).statusCode, url).toBe(401);
    expect((await member.request({ method: 'GET', url: '/api/culture-wall/items' })).statusCode).toBe(403);
    expect(
      (await secretary.request({ method: 'POST', url: '/api/culture-wall/items', payload: saying() })).statusCode,
    ).toBe(403);
    expect((await clerk.request({ method: 'GET', url: '/api/culture-wall/items' })).statusCode).toBe(200);
    const cases: [Record<string, unknown>, string][] = [
      [saying({ kind: 'banner' }), 'kind'],
      [saying({ source: '' }), 'source'],
      [saying({ body: '' }), 'body'],
      [saying({ body: '联系电话13812345678' }), 'body'],
      [{ kind: 'requirement', body: '严禁接受请客送礼' }, 'title'],
      [{ kind: 'poster', title: '清风正气' }, 'imageFileId'],
      [{ kind: 'poster', title: '清风正气', imageFileId: '00000000-0000-4000-8000-000000000000' }, 'imageFileId'],
      [saying({ extra: 1 }), ''],
    ];
    for (const [payload, path] of cases) {
      const res = await clerk.request({ method: 'POST', url: '/api/culture-wall/items', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      if (path) expect(JSON.stringify(res.json().error.details), path).toContain(path);
    }
    const badLists: Record<string, unknown>[] = [
      { name: '测试', secondsPerItem: 2, entries: [] },
      { name: '', secondsPerItem: 10, entries: [] },
      { name: '测试', secondsPerItem: 10, entries: [{ itemId: '00000000-0000-4000-8000-000000000000' }] },
    ];
    for (const payload of badLists)
      expect(
        (await clerk.request({ method: 'POST', url: '/api/culture-wall/playlists', payload })).statusCode,
        JSON.stringify(payload),
      ).toBe(400);
    const badScreen = { name: '三楼屏', playlistId: '00000000-0000-4000-8000-000000000000' };
    expect(
      (await clerk.request({ method: 'POST', url: '/api/culture-wall/screens', payload: badScreen })).statusCode,
    ).toBe(400);
  });
});

describe('the display page of a corridor screen', () => {
  it('needs no sign-in, shows only published items, and changes its version when a playlist changes', async () => {
    const created = await clerk.request({ method: 'POST', url: '/api/culture-wall/items', payload: saying() });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft.status).toBe('draft');
    const published = (await clerk.request({ method: 'GET', url: '/api/culture-wall/items?status=published' })).json()
      .items[0];
    const list = await clerk.request({
      method: 'POST',
      url: '/api/culture-wall/playlists',
      payload: {
        name: '测试列表',
        secondsPerItem: 5,
        entries: [{ itemId: published.id }, { itemId: draft.id, seconds: 8 }],
      },
    });
    expect(list.statusCode).toBe(201);
    expect(list.json().entries.map((e: { status: string }) => e.status)).toEqual(['published', 'draft']);
    const screen = await clerk.request({
      method: 'POST',
      url: '/api/culture-wall/screens',
      payload: { name: '三楼廉政长廊2号屏', location: '三楼', playlistId: list.json().id },
    });
    expect(screen.statusCode).toBe(201);
    const url = `${screen.json().displayUrl as string}${COURT}`;

    const page = await get(url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain(published.body);
    expect(page.body).not.toContain(draft.body);
    expect(page.body).not.toMatch(/href="\/(?!display)/);
    const content = await get(`${url.replace(COURT, '')}/content${COURT}`);
    const etag = content.headers.etag as string;
    expect(etag).toMatch(/^"/);
    expect((await get(`${url.replace(COURT, '')}/content${COURT}`, { 'if-none-match': etag })).statusCode).toBe(304);

    const publish = await clerk.request({
      method: 'POST',
      url: `/api/culture-wall/items/${draft.id as string}/publish`,
    });
    expect(publish.statusCode).toBe(200);
    const after = await get(`${url.replace(COURT, '')}/content${COURT}`, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain(draft.body);
    expect(after.body).toContain('data-seconds="8"');
    expect(after.headers.etag).not.toBe(etag);
    // A published item cannot be edited in place; withdrawn it is gone from the screen again.
    expect(
      (await clerk.request({ method: 'PUT', url: `/api/culture-wall/items/${draft.id as string}`, payload: saying() }))
        .statusCode,
    ).toBe(409);
    await clerk.request({ method: 'POST', url: `/api/culture-wall/items/${draft.id as string}/unpublish` });
    expect((await get(`${url.replace(COURT, '')}/content${COURT}`)).body).not.toContain(draft.body);

    // The audit row is written in the same transaction as the change it records.
    const [same] = await rows<{ n: number }>(
      `select count(*)::int as n from audit_log a join culture_items i on a.entity_id = i.id::text
        where i.id = '${draft.id as string}' and a.action = 'culture_item.unpublish' and a.xmin::text = i.xmin::text`,
    );
    expect(same!.n).toBe(1);
    const audit = (await auditor.request({ method: 'GET', url: '/api/audit?action=culture_item.publish' })).json();
    expect(audit.items.some((a: { entityId: string }) => a.entityId === draft.id)).toBe(true);
  });

  it('is 404 for another court’s screen, an unknown screen, or an id that is not one', async () => {
    const theirs = await screensOf(otherClerk);
    expect(theirs.length).toBeGreaterThan(0);
    expect((await get(`/display/${theirs[0]!.id}${COURT}`)).statusCode).toBe(404);
    expect((await get(`/display/00000000-0000-4000-8000-000000000000${COURT}`)).statusCode).toBe(404);
    expect((await get(`/display/not-a-screen${COURT}`)).statusCode).toBe(404);
    const ours = await screensOf(clerk);
    expect((await get(`/display/${ours[0]!.id}?court=${OTHER_COURT.code}`)).statusCode).toBe(404);
    // Another court's keeper neither sees nor changes ours.
    expect(
      (
        await otherClerk.request({
          method: 'PUT',
          url: `/api/culture-wall/screens/${ours[0]!.id}`,
          payload: { name: '改名', playlistId: null },
        })
      ).statusCode,
    ).toBe(404);
    const ourItems = (await clerk.request({ method: 'GET', url: '/api/culture-wall/items' })).json().items;
    const theirItems = (await otherClerk.request({ method: 'GET', url: '/api/culture-wall/items' })).json().items;
    const ids = new Set(theirItems.map((i: { id: string }) => i.id));
    expect(ourItems.some((i: { id: string }) => ids.has(i.id))).toBe(false);
    expect(
      (await otherClerk.request({ method: 'POST', url: `/api/culture-wall/items/${ourItems[0].id as string}/publish` }))
        .statusCode,
    ).toBe(404);
  });
});

describe('a poster’s picture', () => {
  it('is public only as a published poster playing on a screen, never by the file’s id', async () => {
    const upload = await clerk.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile('file', '清风.png', PNG, 'image/png'),
    });
    expect(upload.statusCode).toBe(201);
    const fileId = upload.json().id as string;
    const poster = await clerk.request({
      method: 'POST',
      url: '/api/culture-wall/items',
      payload: { kind: 'poster', title: '清风正气', imageFileId: fileId },
    });
    expect(poster.statusCode).toBe(201);
    const posterId = poster.json().id as string;
    const list = await clerk.request({
      method: 'POST',
      url: '/api/culture-wall/playlists',
      payload: { name: '宣传画', secondsPerItem: 10, entries: [{ itemId: posterId }] },
    });
    const screen = await clerk.request({
      method: 'POST',
      url: '/api/culture-wall/screens',
      payload: { name: '四楼屏', playlistId: list.json().id },
    });
    const image = `/display/${screen.json().id as string}/items/${posterId}/image${COURT}`;
    expect((await get(image)).statusCode).toBe(404);
    expect((await member.request({ method: 'GET', url: `/api/files/${fileId}` })).statusCode).toBe(404);

    await clerk.request({ method: 'POST', url: `/api/culture-wall/items/${posterId}/publish` });
    const shown = await get(image);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/png');
    expect(shown.rawPayload.equals(PNG)).toBe(true);
    expect((await get(`/display/${screen.json().id as string}${COURT}`)).body).toContain(`/items/${posterId}/image`);
    // By the file's id only signed in; through a screen not playing it, not at all.
    expect((await get(`/api/files/${fileId}`)).statusCode).toBe(401);
    expect((await member.request({ method: 'GET', url: `/api/files/${fileId}` })).statusCode).toBe(200);
    const other = (await screensOf(clerk)).find((s) => s.id !== screen.json().id)!;
    expect((await get(`/display/${other.id}/items/${posterId}/image${COURT}`)).statusCode).toBe(404);
    // Someone else's upload cannot become a poster.
    const stranger = await otherClerk.request({
      method: 'POST',
      url: '/api/culture-wall/items',
      payload: { kind: 'poster', title: '借用', imageFileId: fileId },
    });
    expect(stranger.statusCode).toBe(400);
  });
});

describe('the lobby kiosk', () => {
  it('has a 廉政文化 tile playing the kiosk screen’s published items', async () => {
    const kiosk = await get(`/kiosk${COURT}`);
    expect(kiosk.statusCode).toBe(200);
    expect(kiosk.body).toContain('href="#culture"');
    expect(kiosk.body).toContain('id="culture"');
    expect(kiosk.body).toContain('/display/display.js');
    expect(kiosk.body).toContain('党员廉洁自律规范');
    expect(kiosk.body).not.toContain('审判执行廉洁提醒');
    expect(kiosk.body).toContain('data-step="1"');
  });
  it('one screen at most is the kiosk’s', async () => {
    const made = await clerk.request({
      method: 'POST',
      url: '/api/culture-wall/screens',
      payload: { name: '五楼触摸屏', kiosk: true },
    });
    expect(made.statusCode).toBe(201);
    const kiosks = (await screensOf(clerk)).filter((s) => s.kiosk);
    expect(kiosks.map((s) => s.name)).toEqual(['五楼触摸屏']);
    // With no playlist it has nothing to show: no tile.
    expect((await get(`/kiosk${COURT}`)).body).not.toContain('href="#culture"');
  });
});

describe('no corridor screen carries an ID or a phone number', () => {
  it('scans every screen’s page and content, and the display’s script, stylesheet and worker', async () => {
    const ID = /(?<![\w-])\d{17}[\dXx](?![\w-])/;
    const MOBILE = /(?<![\w-])1[3-9]\d{9}(?![\w-])/;
    const LANDLINE = /(?<![\w-])0\d{2,3}-?\d{7,8}(?![\w-])/;
    const urls = ['/display/display.js', '/display/display.css', '/display/sw.js'];
    for (const s of await screensOf(clerk)) urls.push(`/display/${s.id}${COURT}`, `/display/${s.id}/content${COURT}`);
    for (const url of urls) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      for (const re of [ID, MOBILE, LANDLINE]) expect(re.exec(res.body)?.[0], `${url} ${String(re)}`).toBeUndefined();
    }
  });
});
