import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../test/harness.ts';

const FAKE_ID = '00000000-0000-4000-8000-000000000000';

describe('avoidable 500s found by fuzzing', () => {
  let t: TestContext;
  let admin: Session;
  let clerk: Session;
  let secretary: Session;
  beforeAll(async () => {
    t = await createTestContext();
    [admin, clerk, secretary] = await Promise.all([t.login('admin'), t.login('clerk'), t.login('secretary')]);
  });
  afterAll(() => t.close());

  it('refuses NUL and other control characters with a 400 naming the field, the anonymous sign-in too', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin\u0000', password: 'x\u0007' },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/控制字符/) });
    const search = await clerk.request({ method: 'GET', url: '/api/members?search=%00110101' });
    expect(search.statusCode).toBe(400);
    const page = (await clerk.request({ method: 'GET', url: '/api/members?page=1&pageSize=1' })).json();
    const patch = await clerk.request({
      method: 'PATCH',
      url: `/api/members/${page.items[0].id}`,
      payload: { position: '审判\u0000员' },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.message).toMatch(/控制字符/);
    expect(patch.json().error.details.issues[0]).toMatchObject({ path: 'position' });
  });

  it('stores names without bidi overrides and zero-width characters, in NFC', async () => {
    const page = (await clerk.request({ method: 'GET', url: '/api/members?page=1&pageSize=1' })).json();
    const res = await clerk.request({
      method: 'PATCH',
      url: `/api/members/${page.items[0].id}`,
      payload: { position: '审\u202E判\u200B员\uFEFF' + 'e\u0301' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().position).toBe('审判员\u00E9');
  });

  it('answers a PATCH with no field 400 on departments, honours, sanctions and users', async () => {
    for (const [who, url] of [
      [secretary, `/api/departments/${FAKE_ID}`],
      [secretary, `/api/honours/${FAKE_ID}`],
      [secretary, `/api/sanctions/${FAKE_ID}`],
      [admin, `/api/users/${FAKE_ID}`],
    ] as const) {
      const res = await who.request({ method: 'PATCH', url, payload: {} });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message, url).toMatch(/没有要修改的内容/);
    }
  });

  it('answers a malformed multipart body 400', async () => {
    for (const url of ['/api/files', '/api/members/import?dryRun=true']) {
      const res = await clerk.request({
        method: 'POST',
        url,
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
        payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nabc',
      });
      expect(res.statusCode, url).toBe(400);
    }
  });
});
