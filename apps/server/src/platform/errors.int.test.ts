import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../test/harness.ts';

/** A refusal's message is read by people: Chinese, without the field's code in front (it is in `issues`). */
let ctx: TestContext;
let secretary: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
});
afterAll(async () => {
  await ctx.close();
});

describe('validation messages', () => {
  it('say what is wrong in Chinese and keep the field in issues', async () => {
    const res = await secretary.request({
      method: 'POST',
      url: '/api/meetings',
      payload: { orgUnitId: 'not-a-uuid', type: 'branch_general', topic: '', startsAt: 'soon', place: '' },
    });
    expect(res.statusCode).toBe(400);
    const { message, details } = res.json().error;
    expect(message).not.toMatch(/[A-Za-z]+[.\w]*：/);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(details.issues.length).toBeGreaterThan(0);
    expect(details.issues.every((i: { path: string }) => typeof i.path === 'string')).toBe(true);
  });
});

describe("the router's own refusals", () => {
  it('answer a path parameter past 100 characters and a broken percent-encoding 400 in our shape, in Chinese', async () => {
    // PATCH: a GET of such an address may fall through to the web app's catch-all route (a 404 of ours).
    for (const url of [`/api/members/${'a'.repeat(101)}`, '/api/members/%E4%ZZ', '/api/members/%C0']) {
      const res = await secretary.request({ method: 'PATCH', url, payload: { name: '张三' } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error, url).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/请求地址/),
      });
    }
  });
});
