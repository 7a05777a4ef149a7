import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { duesBases } from '../db/schema/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRosterFile, makeValidIdNumber } from '../modules/members/roster-excel.fixtures.ts';
import { TEST_TWO_FACTOR_KEY } from '../test/fixtures.ts';
import { createTestContext, multipartFile, type Session, type TestContext } from '../test/harness.ts';
import { deriveFieldKeys, idNumberIndex, open, useFieldKeys } from './field-crypto.ts';
import { FieldKeyMismatchError, prepareFieldEncryption } from './field-encryption.ts';

/**
 * Anything shaped like a 公民身份号码 or a mainland mobile number standing alone (a column's value, or
 * in Chinese text) — not digits inside a UUID or a ciphertext, which are letters and digits at random.
 */
const PERSONAL = /(?<![\w-])(\d{17}[\dXx]|1[3-9]\d{9})(?![\w-])/;
const TABLES = ['people', 'reception_visits', 'inquiries', 'dues_bases'] as const;
const keys = deriveFieldKeys(Buffer.from(TEST_TWO_FACTOR_KEY, 'hex'));

let ctx: TestContext;
let clerk: Session;
let tenantId: string;

async function rows<Row extends Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await ctx.database.db.execute<Row>(query)) as { rows: Row[] }).rows;
}

/** Every row of the four tables as the database stores it, one text per row. */
async function rawRows(): Promise<string[]> {
  const all: string[] = [];
  for (const table of TABLES) {
    const found = await rows<{ row: string }>(sql`select t::text as row from ${sql.identifier(table)} t`);
    all.push(...found.map((r) => `${table}: ${r.row}`));
  }
  return all;
}

async function expectNoPlaintext(): Promise<void> {
  const leaking = (await rawRows()).filter((r) => PERSONAL.test(r));
  expect(leaking).toEqual([]);
  const bases = await rows<{ plain: number; sealed: number; total: number }>(
    sql`select count(base_fen)::int as plain, count(*) filter (where base_sealed like '~a1:%')::int as sealed,
      count(*)::int as total from dues_bases`,
  );
  expect(bases[0]!.plain).toBe(0);
  expect(bases[0]!.sealed).toBe(bases[0]!.total);
}

beforeAll(async () => {
  ctx = await createTestContext();
  clerk = await ctx.login('clerk');
  tenantId = (await rows<{ id: string }>(sql`select id from tenants where code = 'anze'`))[0]!.id;
});
afterAll(async () => {
  useFieldKeys(keys);
  await ctx.close();
});

describe('personal data at rest', () => {
  it('holds no ID or phone number in plaintext after seeding: people, visitors, inquiries, dues bases', async () => {
    const counts = await rows<{ ids: number; phones: number; visits: number; bases: number }>(sql`select
      (select count(id_number)::int from people) as ids, (select count(phone)::int from people) as phones,
      (select count(visitor_id_number)::int from reception_visits) as visits, (select count(*)::int from dues_bases) as bases`);
    // The check means something only if the seed wrote the kinds of data it looks for.
    expect(counts[0]).toMatchObject({
      ids: expect.any(Number) as number,
      phones: expect.any(Number) as number,
    });
    expect(counts[0]!.ids).toBeGreaterThan(100);
    expect(counts[0]!.phones).toBeGreaterThan(100);
    expect(counts[0]!.visits).toBeGreaterThan(0);
    expect(counts[0]!.bases).toBeGreaterThan(0);
    await expectNoPlaintext();
  });

  it('an import is stored sealed; its duplicates are found by the blind index; a look-up by number finds one', async () => {
    const headers = ['姓名', '性别', '身份证号', '人员类别', '所在党支部', '联系电话'];
    const people = Array.from({ length: 3 }, (_, i) => [
      `加密${String.fromCharCode(0x4e00 + 700 + i)}`,
      '女',
      makeValidIdNumber(700 + i, '1988-02-10', 'female'),
      '正式党员',
      '安泽县人民法院机关党支部',
      `1370000${String(2000 + i)}`,
    ]);
    const file = await makeRosterFile({ headers, rows: people });
    const upload = async () =>
      (
        await clerk.request({
          method: 'POST',
          url: '/api/members/import?dryRun=false',
          ...multipartFile('file', 'r.xlsx', file),
        })
      ).json();
    expect(await upload()).toMatchObject({ created: 3, updated: 0 });
    expect(await upload()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    await expectNoPlaintext();

    const idNumber = String(people[1]![2]);
    const found = (await clerk.request({ method: 'GET', url: `/api/members?q=${idNumber.toLowerCase()}` })).json();
    expect(found.total).toBe(1);
    expect(found.items[0].name).toBe(people[1]![0]);
    expect(found.items[0].idNumber).not.toBe(idNumber);
    const stored = await rows<{ id_number: string; id_number_bidx: string; phone: string }>(
      sql`select id_number, id_number_bidx, phone from people where tenant_id = ${tenantId} and id = ${found.items[0].id}`,
    );
    expect(stored[0]!.id_number_bidx).toBe(idNumberIndex(tenantId, idNumber, keys));
    expect(open(stored[0]!.id_number, 'people.id_number', keys)).toBe(idNumber);
    expect(open(stored[0]!.phone, 'people.phone', keys)).toBe(people[1]![5]);
    // The reveal permission still shows the whole numbers.
    const revealed = (
      await clerk.request({ method: 'GET', url: `/api/members/${String(found.items[0].id)}/pii` })
    ).json();
    expect(revealed).toMatchObject({ idNumber, phone: people[1]![5] });

    // The same number twice in a court is refused by the unique blind index.
    const twice = await clerk.request({
      method: 'POST',
      url: '/api/members',
      payload: { name: '重复号码', gender: 'female', status: 'non_party', idNumber },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('DUPLICATE_ID_NUMBER');
  });

  it('seals rows from before encryption at the start, once, and they still read', async () => {
    const idNumber = makeValidIdNumber(777, '1979-11-23', 'male');
    const phone = '13655557777';
    const [person] = await rows<{
      id: string;
    }>(sql`insert into people (tenant_id, name, gender, status, id_number, phone)
      values (${tenantId}, '旧数据', 'male', 'non_party', ${idNumber}, ${phone}) returning id`);
    const [visit] = await rows<{ id: string }>(sql`insert into reception_visits
      (tenant_id, received_on, visitor_name, visitor_phone, visitor_id_number, matter, category)
      values (${tenantId}, '2026-02-03', '来访旧数据', ${phone}, ${idNumber}, '旧的来访', 'complaint') returning id`);
    await ctx.database.db.execute(sql`insert into dues_bases (tenant_id, person_id, category, base_fen, from_month)
      values (${tenantId}, ${person!.id}, 'in_service', 654321, '2026-01')`);
    expect((await rawRows()).filter((r) => PERSONAL.test(r)).length).toBeGreaterThanOrEqual(2);

    expect(await prepareFieldEncryption(ctx.database.db, keys)).toBe(3);
    await expectNoPlaintext();
    expect(await prepareFieldEncryption(ctx.database.db, keys)).toBe(0);

    const revealed = (await clerk.request({ method: 'GET', url: `/api/members/${person!.id}/pii` })).json();
    expect(revealed).toMatchObject({ idNumber, phone });
    expect((await clerk.request({ method: 'GET', url: `/api/members?q=${idNumber}` })).json().total).toBe(1);
    const [base] = await ctx.database.db
      .select({ fen: duesBases.baseFen })
      .from(duesBases)
      .where(and(eq(duesBases.tenantId, tenantId), eq(duesBases.personId, person!.id)));
    expect(base!.fen).toBe(654_321);
    const visits = (
      await clerk.request({ method: 'GET', url: '/api/reception/visits?year=2026&month=2&pageSize=200' })
    ).json();
    expect(JSON.stringify(visits)).not.toContain(phone);
    const shown = (visits.items as { id: string }[]).find((v) => v.id === visit!.id);
    expect(shown).toMatchObject({ visitorName: '来访旧数据', visitorPhone: '136****7777' });
  });

  it('refuses a wrong key before changing anything, and re-seals everything when the algorithm changes', async () => {
    const before = await rawRows();
    await expect(prepareFieldEncryption(ctx.database.db, deriveFieldKeys(randomBytes(32)))).rejects.toThrow(
      FieldKeyMismatchError,
    );
    await expect(prepareFieldEncryption(ctx.database.db, deriveFieldKeys(randomBytes(32)))).rejects.toThrow(
      /加密密钥与数据库不符/,
    );
    expect(await rawRows()).toEqual(before);

    const sm = deriveFieldKeys(Buffer.from(TEST_TWO_FACTOR_KEY, 'hex'), 'sm');
    expect(await prepareFieldEncryption(ctx.database.db, sm)).toBeGreaterThan(100);
    const mixed = await rows<{ n: number }>(
      sql`select count(*)::int as n from people where id_number like '~a1:%' or id_number_bidx like 'a.%' or phone like '~a1:%'`,
    );
    expect(mixed[0]!.n).toBe(0);
    const someone = (await clerk.request({ method: 'GET', url: '/api/members?pageSize=1' })).json().items[0];
    const whole = (await clerk.request({ method: 'GET', url: `/api/members/${String(someone.id)}/pii` })).json();
    expect(whole.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect((await clerk.request({ method: 'GET', url: `/api/members?q=${String(whole.idNumber)}` })).json().total).toBe(
      1,
    );

    // And back: the AES setting reads the SM rows, then seals them again under AES.
    expect(await prepareFieldEncryption(ctx.database.db, keys)).toBeGreaterThan(100);
    await expectNoPlaintext();
    expect((await clerk.request({ method: 'GET', url: `/api/members?q=${String(whole.idNumber)}` })).json().total).toBe(
      1,
    );
  });
});
