import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';

/** Every 8-digit run that reads as a date of birth, as YYYYMMDD, in a text. */
const BIRTH_DIGITS = /(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

describe('masked ID numbers cannot be rebuilt', () => {
  let t: TestContext;
  let leader: Session; // people.read and people.export, no reveal
  let clerk: Session; // with people.pii.reveal
  let auditor: Session;
  beforeAll(async () => {
    t = await createTestContext();
    [leader, clerk, auditor] = await Promise.all([t.login('leader'), t.login('clerk'), t.login('auditor')]);
  });
  afterAll(() => t.close());

  it('gives a role without the reveal permission the age band, never the birth date, in list and detail', async () => {
    const page = (await leader.request({ method: 'GET', url: '/api/members?page=1&pageSize=50' })).json();
    expect(page.items.length).toBeGreaterThan(10);
    for (const item of page.items) {
      expect(item.birthDate).toBeNull();
      expect(item.age).toBeNull();
      if (item.idNumber) {
        expect(item.idNumber).toMatch(/^\d{4}\*{12}[\dX]{2}$/);
        expect(item.ageBand).not.toBeNull();
      }
    }
    const detail = (await leader.request({ method: 'GET', url: `/api/members/${page.items[0].id}` })).json();
    expect(detail.birthDate).toBeNull();
    expect(detail.ageBand).not.toBeNull();
    expect(JSON.stringify(detail)).not.toMatch(BIRTH_DIGITS);

    const revealed = (await clerk.request({ method: 'GET', url: `/api/members/${page.items[0].id}` })).json();
    expect(revealed.birthDate).toMatch(ISO_DATE);
    expect(revealed.idNumber).toMatch(/^\d{4}\*{12}[\dX]{2}$/);
  });

  it('writes the age band, not the birth date, in a masked export', async () => {
    const res = await leader.request({ method: 'GET', url: '/api/members/export' });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = Array.from(sheet.getRow(3).values as unknown[], (v) => String(v));
    const birthCol = header.findIndex((h) => h.includes('出生'));
    const idCol = header.findIndex((h) => h.includes('身份'));
    const row = sheet.getRow(4);
    expect(String(row.getCell(birthCol).value)).toMatch(/岁/);
    expect(String(row.getCell(idCol).value)).toMatch(/^\d{4}\*{12}[\dX]{2}$/);
  });

  it('keeps audit rows free of birth dates and of ID numbers that could be rebuilt', async () => {
    const page = (await clerk.request({ method: 'GET', url: '/api/members?page=1&pageSize=1' })).json();
    const person = page.items[0];
    const update = await clerk.request({
      method: 'PATCH',
      url: `/api/members/${person.id}`,
      payload: { phone: '13912345678', position: '审判员（测试）' },
    });
    expect(update.statusCode).toBe(200);
    const audit = await auditor.request({ method: 'GET', url: '/api/audit?entity=person&page=1&pageSize=100' });
    expect(audit.statusCode).toBe(200);
    const text = audit.body;
    expect(text).toContain('审判员（测试）');
    expect(text).not.toMatch(BIRTH_DIGITS);
    expect(text).not.toMatch(/"birthDate":"\d{4}-/);
    expect(text).not.toContain('13912345678');
  });
});
