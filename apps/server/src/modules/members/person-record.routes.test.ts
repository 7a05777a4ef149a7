/**
 * The member record the national member system expects (issue 14): its fields through the API, the
 * stage dates read from the development steps rather than asked twice, and the roster file moving
 * between the national system and Qizhi in both the new and the previous version's columns.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';
import { BENCH_HEADERS, makeRosterFile, makeValidIdNumber } from './roster-excel.fixtures.ts';

let ctx: TestContext;
let clerk: Session;
let member: Session;
let fullId: string;
let activistId: string;
let staffId: string;
const BRANCH = '安泽县人民法院机关党支部';
const CELL = '第一党小组（审判业务）';

beforeAll(async () => {
  ctx = await createTestContext();
  clerk = await ctx.login('clerk');
  member = await ctx.login('member');
  const list = (status: string) =>
    clerk.request({ method: 'GET', url: `/api/members?status=${status}&retired=false&pageSize=1` });
  fullId = (await list('full')).json().items[0].id;
  activistId = (await list('activist')).json().items[0].id;
  staffId = (await list('non_party')).json().items[0].id;
});
afterAll(async () => {
  await ctx.close();
});

const patch = (id: string, payload: Record<string, unknown>, who: Session = clerk) =>
  who.request({ method: 'PATCH', url: `/api/members/${id}`, payload });

describe('the national system’s fields on a person', () => {
  it('saves and reads 籍贯, 工作岗位, 党籍状态, 入党介绍人, the transfer-in and stage dates, audited', async () => {
    const before = (await clerk.request({ method: 'GET', url: `/api/members/${fullId}` })).json();
    expect(before.partyStanding).toBe('normal'); // a member's 党籍状态 reads 正常 until recorded otherwise
    const res = await patch(fullId, {
      nativePlace: '山西临汾',
      workPost: 'civil_servant',
      partyStanding: 'stopped',
      sponsors: '赵六、钱七',
      transferredInOn: before.joinedOn,
      appliedOn: '1990-01-02',
      activistOn: '1990-06-01',
      candidateOn: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      nativePlace: '山西临汾',
      workPost: 'civil_servant',
      partyStanding: 'stopped',
      sponsors: '赵六、钱七',
      transferredInOn: before.joinedOn,
      appliedOn: '1990-01-02',
      activistOn: '1990-06-01',
      candidateOn: null,
      fromDevelopment: [],
    });
    const auditor = await ctx.login('auditor');
    const audit = (
      await auditor.request({ method: 'GET', url: '/api/audit?action=person.update&pageSize=200' })
    ).json();
    const row = audit.items.find((e: { entityId: string | null }) => e.entityId === fullId);
    expect(JSON.stringify(row)).toContain('山西临汾');
  });

  it('refuses what cannot be, with Chinese messages on the fields', async () => {
    const bad = async (id: string, payload: Record<string, unknown>) => {
      const res = await patch(id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      return res.json().error;
    };
    expect((await bad(fullId, { workPost: 'astronaut' })).message).toBe('工作岗位不在可选范围内');
    expect((await bad(fullId, { nativePlace: '长'.repeat(61) })).message).toBe('籍贯最多60个字');
    expect((await bad(fullId, { transferredInOn: '2020-02-30' })).code).toBe('VALIDATION_FAILED');
    expect((await bad(staffId, { partyStanding: 'normal' })).details.issues).toEqual([
      { path: 'partyStanding', message: '只有党员才有党籍状态' },
    ]);
    const order = await bad(fullId, { appliedOn: '1990-07-01', activistOn: '1990-06-30' });
    expect(order.details.issues[0]).toEqual({
      path: 'activistOn',
      message: '确定积极分子日期（1990-06-30）不能早于申请入党日期（1990-07-01）',
    });
  });

  it('reads the stage dates of someone in the pipeline from the development steps, never asking twice', async () => {
    const steps = (await clerk.request({ method: 'GET', url: `/api/development/people/${activistId}` })).json()
      .steps as { step: number; on: string }[];
    const on = (n: number) => steps.find((s) => s.step === n)?.on;
    const detail = (await clerk.request({ method: 'GET', url: `/api/members/${activistId}` })).json();
    expect(detail).toMatchObject({ appliedOn: on(1), activistOn: on(3) });
    expect(detail.fromDevelopment).toEqual(['appliedOn', 'activistOn']);
    // Sent back as shown: accepted (the form sends the whole record).
    expect((await patch(activistId, { appliedOn: on(1), nativePlace: '安泽' })).statusCode).toBe(200);
    const changed = await patch(activistId, { appliedOn: '2020-01-01' });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.details.issues).toEqual([
      { path: 'appliedOn', message: '申请入党日期取自发展党员纪实第1步，请在“发展党员”中修改' },
    ]);
  });

  it('answers 401, 403, and 404 for another court', async () => {
    expect((await ctx.app.inject({ method: 'PATCH', url: `/api/members/${fullId}`, payload: {} })).statusCode).toBe(
      401,
    );
    expect((await patch(fullId, { nativePlace: 'x' }, member)).statusCode).toBe(403);
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    expect((await patch(fullId, { nativePlace: 'x' }, other)).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: `/api/members/${fullId}` })).statusCode).toBe(404);
  });
});

describe('the roster file between the national system and Qizhi', () => {
  const upload = (buffer: Buffer) =>
    clerk.request({
      method: 'POST',
      url: '/api/members/import?dryRun=false',
      ...multipartFile('file', 'r.xlsx', buffer),
    });

  it('imports the national system’s columns and exports them under the same names', async () => {
    const id = makeValidIdNumber(401, '1988-04-05', 'female');
    const file = await makeRosterFile({
      headers: [
        '序号',
        '姓名',
        '性别',
        '公民身份号码',
        '民族',
        '学历',
        '人员类别',
        '所在党支部',
        '入党日期',
        '转正日期',
        '工作岗位',
        '籍贯',
        '党籍状态',
        '入党介绍人',
        '组织关系转入日期',
        '申请入党日期',
        '确定为入党积极分子日期',
        '确定为发展对象日期',
      ],
      rows: [
        [1, '国网甲', '女', id, '汉族', '大学本科', '正式党员', BRANCH, '2012-07-01', '2013-07-01', '公务员'].concat([
          '山西长治',
          '正常',
          '甲一、甲二',
          '2019-09-01',
          '2010-03-01',
          '2010-09-01',
          '2011-09-01',
        ]),
      ],
    });
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, errors: [] });
    const found = (await clerk.request({ method: 'GET', url: `/api/members?q=${id}` })).json().items[0];
    const detail = (await clerk.request({ method: 'GET', url: `/api/members/${found.id}` })).json();
    expect(detail).toMatchObject({
      workPost: 'civil_servant',
      nativePlace: '山西长治',
      partyStanding: 'normal',
      sponsors: '甲一、甲二',
      transferredInOn: '2019-09-01',
      appliedOn: '2010-03-01',
      activistOn: '2010-09-01',
      candidateOn: '2011-09-01',
    });

    const exported = await clerk.request({
      method: 'GET',
      url: `/api/members/export?q=${encodeURIComponent('国网甲')}`,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(headers.slice(0, 20)).toEqual([
      '序号',
      '姓名',
      '性别',
      '公民身份号码',
      '民族',
      '出生日期',
      '学历',
      '人员类别',
      '所在党支部',
      '入党日期',
      '转正日期',
      '工作岗位',
      '联系电话',
      '籍贯',
      '党籍状态',
      '入党介绍人',
      '组织关系转入日期',
      '申请入党日期',
      '确定积极分子日期',
      '确定发展对象日期',
    ]);
    const row = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(row.slice(11, 20)).toEqual([
      '党政机关工作人员',
      undefined,
      '山西长治',
      '正常',
      '甲一、甲二',
      '2019-09-01',
      '2010-03-01',
      '2010-09-01',
      '2011-09-01',
    ]);
  });

  it('still imports a file the previous version exported (its columns and order)', async () => {
    const id = makeValidIdNumber(402, '1979-10-20', 'male');
    const cells = [1, '旧版乙', '男', '汉族', '1979-10-20', id, '大学本科', '正式党员', '2005-07-01', '2006-07-01'];
    const file = await makeRosterFile({
      title: '安泽县人民法院党员花名册',
      headers: BENCH_HEADERS,
      rows: [cells.concat([BRANCH, CELL, '民事审判庭', '四级法官', '13900004020', '否'])],
    });
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, errors: [] });
    const found = (await clerk.request({ method: 'GET', url: `/api/members?q=${id}` })).json().items[0];
    expect(found).toMatchObject({ name: '旧版乙', position: '四级法官', orgUnitName: CELL, joinedOn: '2005-07-01' });
  });
});
