import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let member: Session;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
beforeAll(async () => {
  ctx = await createTestContext();
  member = await ctx.login('member');
});
afterAll(async () => {
  await ctx.close();
});

describe('files', () => {
  it('stores an upload and gives it back only within the court', async () => {
    const up = await member.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile('file', '../../证明材料.png', PNG, 'image/png'),
    });
    expect(up.statusCode).toBe(201);
    const file = up.json();
    expect(file).toMatchObject({ name: '证明材料.png', mime: 'image/png', size: PNG.length });
    const down = await member.request({ method: 'GET', url: `/api/files/${file.id}` });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PNG)).toBe(true);
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('证明材料.png'));
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}member`);
    expect((await other.request({ method: 'GET', url: `/api/files/${file.id}` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/files/${file.id}` })).statusCode).toBe(401);
  });

  it('refuses unknown types, content that does not match its extension, and empty files', async () => {
    for (const [name, data] of [
      ['run.exe', Buffer.from('MZ')],
      ['photo.png', Buffer.from('not a png')],
      ['empty.pdf', Buffer.alloc(0)],
      // Shorter than a zip's signature: was read past its end, a 500 (found by the route fuzzer).
      ['a.xlsx', Buffer.from('abc')],
      ['b.docx', Buffer.from('P')],
    ] as const) {
      const res = await member.request({ method: 'POST', url: '/api/files', ...multipartFile('file', name, data) });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.code).toBe('INVALID_FILE');
    }
  });
});
