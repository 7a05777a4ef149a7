import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type Session, type TestContext } from '../../test/harness.ts';
import { makeZip } from './roster-excel.fixtures.ts';

/** A zip whose headers claim each entry unpacks to twice its packed size, whatever it really does. */
function lyingBomb(unpackedBytes: number): Buffer {
  const zip = makeZip(
    {
      '[Content_Types].xml': '<Types/>',
      'xl/workbook.xml': '<workbook/>',
      'xl/worksheets/sheet1.xml': Buffer.alloc(unpackedBytes, 0x20),
    },
    { deflate: true },
  );
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = zip.readUInt32LE(i);
    if (sig === 0x04034b50) zip.writeUInt32LE(zip.readUInt32LE(i + 18) * 2, i + 22);
    if (sig === 0x02014b50) zip.writeUInt32LE(zip.readUInt32LE(i + 20) * 2, i + 24);
  }
  return zip;
}

describe('a zip bomb that lies about its sizes', () => {
  let t: TestContext;
  let clerk: Session;
  beforeAll(async () => {
    t = await createTestContext();
    clerk = await t.login('clerk');
  });
  afterAll(() => t.close());

  it('is refused with a clear 400 after inflating at most the cap, and the server keeps answering', async () => {
    const bomb = lyingBomb(128 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = Date.now();
    const res = await clerk.request({
      method: 'POST',
      url: '/api/members/import?dryRun=true',
      ...multipartFile('file', 'roster.xlsx', bomb),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_FILE', message: expect.stringMatching(/压缩炸弹/) });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const again = await clerk.request({ method: 'GET', url: '/api/members?page=1&pageSize=5' });
    expect(again.statusCode).toBe(200);
  });
});
