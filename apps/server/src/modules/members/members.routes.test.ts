import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type Session, type TestContext } from '../../test/harness.ts';
import { makeRosterFile, makeValidIdNumber, makeZip, withBadCheckChar } from './roster-excel.fixtures.ts';

let ctx: TestContext;
let clerk: Session;
let secretary: Session;
let orgUnits: { id: string; kind: string; name: string }[];
beforeAll(async () => {
  ctx = await createTestContext();
  clerk = await ctx.login('clerk');
  secretary = await ctx.login('secretary');
  orgUnits = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json().items;
});
afterAll(async () => {
  await ctx.close();
});

const cellNamed = (prefix: string) => orgUnits.find((u) => u.kind === 'cell' && u.name.startsWith(prefix))!;

describe('GET /api/members', () => {
  it('pages, filters and sorts the roster with masked numbers', async () => {
    const all = (await clerk.request({ method: 'GET', url: '/api/members?pageSize=20' })).json();
    expect(all.total).toBeGreaterThanOrEqual(80);
    expect(all.items).toHaveLength(20);
    expect(all.page).toBe(1);
    for (const m of all.items) {
      if (m.idNumber) expect(m.idNumber).toMatch(/^\d{4}\*{12}[\dX]{2}$/);
      if (m.phone) expect(m.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
    const retired = (
      await clerk.request({ method: 'GET', url: '/api/members?status=full&retired=true&pageSize=100' })
    ).json();
    expect(retired.total).toBe(18);
    expect(retired.items.every((m: { retired: boolean; status: string }) => m.retired && m.status === 'full')).toBe(
      true,
    );
    const branch = orgUnits.find((u) => u.kind === 'branch')!;
    const inBranch = (
      await clerk.request({ method: 'GET', url: `/api/members?orgUnitId=${branch.id}&pageSize=1` })
    ).json();
    expect(inBranch.total).toBeGreaterThanOrEqual(54);
    const search = (await clerk.request({ method: 'GET', url: `/api/members?q=${encodeURIComponent('庭长')}` })).json();
    expect(search.total).toBeGreaterThan(0);
    const someone = all.items[0];
    const pii = (await clerk.request({ method: 'GET', url: `/api/members/${someone.id}/pii` })).json();
    const byId = (await clerk.request({ method: 'GET', url: `/api/members?q=${pii.idNumber}` })).json();
    expect(byId.items.map((m: { id: string }) => m.id)).toEqual([someone.id]);
    const byBirth = (
      await clerk.request({ method: 'GET', url: '/api/members?sort=birthDate&order=asc&pageSize=100' })
    ).json();
    const dates = byBirth.items.map((m: { birthDate: string }) => m.birthDate);
    expect(dates).toEqual([...dates].sort());
    const young = (await clerk.request({ method: 'GET', url: '/api/members?ageBand=under30&pageSize=100' })).json();
    expect(young.items.every((m: { age: number }) => m.age < 30)).toBe(true);
    const page2 = (await clerk.request({ method: 'GET', url: '/api/members?page=2&pageSize=50' })).json();
    expect(page2.items.length).toBe(all.total - 50);
    const past = (await clerk.request({ method: 'GET', url: '/api/members?page=99&pageSize=50' })).json();
    expect(past).toMatchObject({ items: [], total: all.total });
  });

  it('rejects bad query values with 400', async () => {
    for (const q of [
      'status=boss',
      'retired=maybe',
      'pageSize=100000',
      'page=0',
      'orgUnitId=abc',
      'ageBand=old',
      'sort=salary',
      'q=' + 'x'.repeat(60),
    ]) {
      const res = await clerk.request({ method: 'GET', url: `/api/members?${q}` });
      expect(res.statusCode, q).toBe(400);
    }
  });

  it('a cell leader sees only their own cell', async () => {
    const secadmin = await ctx.login('secadmin');
    const users = (await secadmin.request({ method: 'GET', url: '/api/users?q=member' })).json();
    const memberUser = users.items.find((u: { username: string }) => u.username === 'member');
    const cell = cellNamed('第一');
    const grant = await secadmin.request({
      method: 'PUT',
      url: `/api/users/${memberUser.id}/roles`,
      payload: {
        roles: [
          { role: 'cell_leader', orgUnitId: cell.id },
          { role: 'member', orgUnitId: null },
        ],
      },
    });
    expect(grant.statusCode).toBe(200);
    const leader = await ctx.login('member');
    const seen = (await leader.request({ method: 'GET', url: '/api/members?pageSize=200' })).json();
    expect(seen.total).toBe(14);
    expect(seen.items.every((m: { orgUnitId: string }) => m.orgUnitId === cell.id)).toBe(true);
    const outsider = (
      await clerk.request({ method: 'GET', url: `/api/members?orgUnitId=${cellNamed('第二').id}&pageSize=1` })
    ).json().items[0];
    expect((await leader.request({ method: 'GET', url: `/api/members/${outsider.id}` })).statusCode).toBe(404);
  });
});

describe('create and edit people', () => {
  const idNumber = makeValidIdNumber(7, '1990-03-07', 'female');

  it('creates a person, derives birth date and gender from the ID number, and audits with masked numbers', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: '/api/members',
      payload: {
        name: '韩雪',
        idNumber,
        phone: '13812345678',
        status: 'probationary',
        joinedOn: '2026-05-01',
        orgUnitId: cellNamed('第三').id,
      },
    });
    expect(res.statusCode).toBe(201);
    const person = res.json();
    expect(person).toMatchObject({
      name: '韩雪',
      gender: 'female',
      birthDate: '1990-03-07',
      status: 'probationary',
      phone: '138****5678',
    });
    const auditor = await ctx.login('auditor');
    const entry = (await auditor.request({ method: 'GET', url: '/api/audit?action=person.create' })).json().items[0];
    expect(JSON.stringify(entry.after)).not.toContain(idNumber);
    expect(entry.after.idNumber).toMatch(/\*{8}/);
  });

  it('refuses a second person with the same ID number, a bad check digit, and contradictions, each naming the field', async () => {
    const dup = await clerk.request({
      method: 'POST',
      url: '/api/members',
      payload: { name: '重复', idNumber, status: 'non_party' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE_ID_NUMBER');
    const bad = await clerk.request({
      method: 'POST',
      url: '/api/members',
      payload: { name: '错号', idNumber: withBadCheckChar(idNumber), status: 'non_party' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toMatchObject({ path: 'idNumber', message: '公民身份号码校验位不正确' });
    const mismatch = await clerk.request({
      method: 'POST',
      url: '/api/members',
      payload: {
        name: '矛盾',
        idNumber: makeValidIdNumber(9, '1991-01-01', 'male'),
        gender: 'female',
        status: 'non_party',
      },
    });
    expect(mismatch.json().error.details.issues[0].path).toBe('gender');
    const phone = await clerk.request({
      method: 'POST',
      url: '/api/members',
      payload: { name: '错电话', gender: 'male', phone: '12345', status: 'non_party' },
    });
    expect(phone.json().error.details.issues[0].path).toBe('phone');
    const nonParty = await clerk.request({
      method: 'POST',
      url: '/api/members',
      payload: { name: '群众', gender: 'male', status: 'non_party', orgUnitId: cellNamed('第一').id },
    });
    expect(nonParty.json().error.details.issues[0].path).toBe('orgUnitId');
  });

  it('moves a member between groups and marks them retired, each change audited with before and after', async () => {
    const someone = (
      await clerk.request({ method: 'GET', url: `/api/members?orgUnitId=${cellNamed('第一').id}&pageSize=1` })
    ).json().items[0];
    const moved = await clerk.request({
      method: 'PATCH',
      url: `/api/members/${someone.id}`,
      payload: { orgUnitId: cellNamed('第二').id },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().orgUnitId).toBe(cellNamed('第二').id);
    const retired = await clerk.request({
      method: 'PATCH',
      url: `/api/members/${someone.id}`,
      payload: { retired: true, retiredOn: '2026-10-31', orgUnitId: cellNamed('离退休').id },
    });
    expect(retired.json()).toMatchObject({ retired: true, retiredOn: '2026-10-31' });
    const auditor = await ctx.login('auditor');
    const entries = (await auditor.request({ method: 'GET', url: '/api/audit?action=person.update' })).json().items;
    expect(entries[0].before.retired).toBe(false);
    expect(entries[0].after.retired).toBe(true);
  });

  it('the secretary manages people of the branch but not non-party staff outside it', async () => {
    const staff = (await clerk.request({ method: 'GET', url: '/api/members?status=non_party&pageSize=1' })).json()
      .items[0];
    const res = await secretary.request({
      method: 'PATCH',
      url: `/api/members/${staff.id}`,
      payload: { position: '改' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('a member reads their own profile; 404 for an account without a person', async () => {
    const me = await (await ctx.login('member')).request({ method: 'GET', url: '/api/members/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().idNumber).toMatch(/\*{8}/);
    expect((await (await ctx.login('admin')).request({ method: 'GET', url: '/api/members/me' })).statusCode).toBe(404);
  });
});

describe('roster import', () => {
  const HEADERS = [
    '序号',
    '姓名',
    '性别',
    '身份证号',
    '人员类别',
    '入党日期',
    '所在党支部',
    '所在党小组',
    '工作部门',
    '联系电话',
  ];
  const rowsOf = (n: number, offset = 100) =>
    Array.from({ length: n }, (_, i) => [
      i + 1,
      `导入${String.fromCharCode(0x4e00 + offset + i)}`,
      '男',
      makeValidIdNumber(offset + i, '1985-06-15', 'male'),
      '正式党员',
      '2010.07.01',
      '安泽县人民法院机关党支部',
      '第一党小组（审判业务）',
      '民事审判庭',
      `1390000${String(1000 + i)}`,
    ]);
  const upload = (buffer: Buffer, dryRun: boolean, filename = 'roster.xlsx') => {
    const body = multipartFile('file', filename, buffer);
    return clerk.request({ method: 'POST', url: `/api/members/import?dryRun=${String(dryRun)}`, ...body });
  };

  it('previews, reports every problem by row and column, and imports nothing while any remain', async () => {
    const rows = rowsOf(4);
    rows[1]![3] = withBadCheckChar(String(rows[1]![3]));
    rows[2]![5] = '2019年2月30日';
    rows[3]![7] = '第九党小组';
    // A row with its own errors is still checked for where it belongs: all its errors in one pass.
    rows[2]![7] = '第八党小组';
    rows[2]![8] = '不存在的庭';
    const file = await makeRosterFile({ title: '安泽县人民法院党员花名册', headers: HEADERS, rows });
    const before = (await clerk.request({ method: 'GET', url: '/api/members?pageSize=1' })).json().total;
    const dry = await upload(file, true);
    expect(dry.statusCode).toBe(200);
    const errors = dry.json().errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 4, column: '身份证号', message: expect.stringContaining('校验位') }),
        expect.objectContaining({ row: 5, column: '入党日期' }),
        expect.objectContaining({ row: 5, column: '所在党小组', message: expect.stringContaining('第八党小组') }),
        expect.objectContaining({ row: 5, column: '工作部门', message: expect.stringContaining('不存在的庭') }),
        expect.objectContaining({ row: 6, column: '所在党小组', message: expect.stringContaining('第九党小组') }),
      ]),
    );
    const real = await upload(file, false);
    expect(real.statusCode).toBe(422);
    expect(real.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect(real.json().error.details.errors.length).toBe(errors.length);
    expect((await clerk.request({ method: 'GET', url: '/api/members?pageSize=1' })).json().total).toBe(before);
  });

  it('imports a good file all at once, and the same file again changes nothing', async () => {
    const file = await makeRosterFile({ title: '花名册', headers: HEADERS, rows: rowsOf(25, 300) });
    const dry = (await upload(file, true)).json();
    expect(dry).toMatchObject({ dryRun: true, created: 25, updated: 0, unchanged: 0, errors: [] });
    const before = (await clerk.request({ method: 'GET', url: '/api/members?pageSize=1' })).json().total;
    expect((await clerk.request({ method: 'GET', url: '/api/members?pageSize=1' })).json().total).toBe(before);
    const first = (await upload(file, false)).json();
    expect(first).toMatchObject({ dryRun: false, created: 25, updated: 0, unchanged: 0 });
    expect((await clerk.request({ method: 'GET', url: '/api/members?pageSize=1' })).json().total).toBe(before + 25);
    const again = (await upload(file, false)).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 25 });
    const changed = rowsOf(25, 300);
    changed[0]![9] = '13900009999';
    const third = (await upload(await makeRosterFile({ headers: HEADERS, rows: changed }), false)).json();
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 24 });
    expect(third.preview[0].changes).toEqual(['联系电话']);
  });

  it('refuses a non-xlsx file named .xlsx, a zip bomb, a wrong field and an empty request, clearly and without 500', async () => {
    const text = await upload(Buffer.from('姓名,身份证号\n张三,1'), true);
    expect(text.statusCode).toBe(400);
    expect(text.json().error.code).toBe('INVALID_FILE');
    const notWorkbook = await upload(makeZip({ 'hello.txt': 'hi' }), true);
    expect(notWorkbook.statusCode).toBe(400);
    expect(notWorkbook.json().error.code).toBe('INVALID_FILE');
    const bomb = await upload(
      makeZip(
        { '[Content_Types].xml': '<Types/>', 'xl/worksheets/sheet1.xml': Buffer.alloc(210 * 1024 * 1024, 0x30) },
        { deflate: true },
      ),
      true,
    );
    expect(bomb.statusCode).toBe(400);
    expect(bomb.json().error.message).toMatch(/压缩炸弹|过大/);
    const wrongField = await clerk.request({
      method: 'POST',
      url: '/api/members/import?dryRun=true',
      ...multipartFile('upload', 'a.xlsx', Buffer.from('x')),
    });
    expect(wrongField.statusCode).toBe(400);
    const json = await clerk.request({
      method: 'POST',
      url: '/api/members/import?dryRun=true',
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
  });
});

describe('roster export', () => {
  async function readSheet(buffer: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    return wb.worksheets[0]!;
  }

  it('exports a masked .xlsx with a title row by default', async () => {
    const res = await clerk.request({ method: 'GET', url: '/api/members/export?status=full' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const sheet = await readSheet(res.rawPayload);
    expect(String(sheet.getCell(1, 1).value)).toContain('安泽县人民法院');
    const idCells: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) idCells.push(String(row.getCell(4).value ?? '')); // 公民身份号码, the national system's 4th column
    });
    expect(idCells.length).toBeGreaterThan(40);
    expect(idCells.every((v) => v === '' || /^\d{4}\*{12}[\dX]{2}$/.test(v))).toBe(true);
  });

  it('full numbers only for a permitted role, and that export is audited', async () => {
    const leader = await ctx.login('leader');
    expect((await leader.request({ method: 'GET', url: '/api/members/export?full=true' })).statusCode).toBe(403);
    const res = await clerk.request({ method: 'GET', url: '/api/members/export?full=true' });
    expect(res.statusCode).toBe(200);
    const sheet = await readSheet(res.rawPayload);
    expect(String(sheet.getRow(4).getCell(4).value)).toMatch(/^\d{17}[\dX]$/);
    const auditor = await ctx.login('auditor');
    expect((await auditor.request({ method: 'GET', url: '/api/audit?action=person.export_full' })).json().total).toBe(
      1,
    );
  });

  it('escapes cells that would run as formulas', async () => {
    const someone = (await clerk.request({ method: 'GET', url: '/api/members?status=full&pageSize=1' })).json()
      .items[0];
    await clerk.request({
      method: 'PATCH',
      url: `/api/members/${someone.id}`,
      payload: { position: '=HYPERLINK("http://x","y")' },
    });
    const sheet = await readSheet(
      (await clerk.request({ method: 'GET', url: '/api/members/export?status=full' })).rawPayload,
    );
    let found = '';
    sheet.eachRow((row) => {
      const v = row.getCell(23).value; // 职务
      if (typeof v === 'string' && v.includes('HYPERLINK')) found = v;
    });
    expect(found.startsWith("'=")).toBe(true);
  });
});

describe('roster statistics', () => {
  it('counts the reference figures', async () => {
    const stats = (await clerk.request({ method: 'GET', url: '/api/members/stats' })).json();
    expect(stats.partyMembers).toBeGreaterThanOrEqual(54);
    expect(stats.byGender.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(stats.partyMembers);
    expect(stats.byStatus.find((b: { key: string }) => b.key === 'non_party').count).toBeGreaterThan(10);
    expect(stats.byOrgUnit.length).toBeGreaterThanOrEqual(4);
  });
});

describe('scoped figures say whose they are', () => {
  it('names the scope beside the totals: the court for the leader, the branch for its secretary', async () => {
    const leader = await ctx.login('leader');
    const wide = (await leader.request({ method: 'GET', url: '/api/members/stats' })).json();
    const own = (await secretary.request({ method: 'GET', url: '/api/members/stats' })).json();
    expect(wide.scopeName).toBe('全院');
    const branchNames = orgUnits.filter((u) => u.kind === 'branch').map((u) => u.name);
    expect(branchNames).toContain(own.scopeName);
    expect(own.totalStaff).toBeLessThan(wide.totalStaff);
    const page = (await secretary.request({ method: 'GET', url: '/api/members?pageSize=1' })).json();
    expect(page.scopeName).toBe(own.scopeName);
    expect((await leader.request({ method: 'GET', url: '/api/members?pageSize=1' })).json().scopeName).toBe('全院');
    const sysadmin = await ctx.login('admin');
    expect((await sysadmin.request({ method: 'GET', url: '/api/members/stats' })).statusCode).toBe(403);
  });
});

describe('the import template', () => {
  it("names this court's organisations in its example row and offers them as drop-down lists", async () => {
    const res = await clerk.request({ method: 'GET', url: '/api/members/import-template' });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const headers = Array.from({ length: sheet.columnCount + 1 }, (_, i) => (i ? sheet.getRow(2).getCell(i).text : ''));
    const col = (prefix: string) => headers.findIndex((h) => h.startsWith(prefix));
    const branchName = sheet.getRow(3).getCell(col('所在党支部')).text;
    const cellName = sheet.getRow(3).getCell(col('所在党小组')).text;
    expect(orgUnits.filter((u) => u.kind === 'branch').map((u) => u.name)).toContain(branchName);
    expect(orgUnits.filter((u) => u.kind === 'cell').map((u) => u.name)).toContain(cellName);
    for (const header of ['所在党支部', '所在党小组', '工作部门']) {
      const validation = sheet.getRow(10).getCell(col(header)).dataValidation;
      expect(validation, header).toMatchObject({ type: 'list' });
      expect(validation.formulae?.[0], header).toMatch(/^'可选名称'!\$[A-C]\$2:\$[A-C]\$\d+$/);
    }
    const lists = workbook.getWorksheet('可选名称')!;
    expect(lists.state).toBe('hidden');
    expect(lists.getColumn(1).values).toContain(branchName);
    const member = await ctx.login('member');
    expect((await member.request({ method: 'GET', url: '/api/members/import-template' })).statusCode).toBe(403);
  });
});
