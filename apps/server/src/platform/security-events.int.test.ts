/**
 * Issue 11, item 7: refusals (permission, CSRF, rate limit), probes of another court's ids, failed
 * sign-ins under unknown usernames and file downloads reach the right court's audit log; a flood is
 * written as a few rows and a count; past the threshold an alert; the hash chain still verifies.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type Session, type TestContext } from '../test/harness.ts';
import { OTHER_COURT } from '../test/fixtures.ts';
import { verifyAuditChain } from './audit-chain.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let ctx: TestContext;
let auditor: Session;
let member: Session;
beforeAll(async () => {
  ctx = await createTestContext({
    QIZHI_SECURITY_EVENTS_PER_MINUTE: '3',
    QIZHI_SECURITY_ALERT_THRESHOLD: '40',
    QIZHI_LOGIN_RATE_LIMIT: '12',
  });
  auditor = await ctx.login('auditor');
  member = await ctx.login('member');
});
afterAll(async () => {
  await ctx.close();
});

interface Row {
  action: string;
  summary: string;
  actorName: string | null;
  after: unknown;
}

async function auditRows(who: Session, action: string): Promise<Row[]> {
  await ctx.app.securityEvents.settled();
  const res = await who.request({ method: 'GET', url: `/api/audit?action=${action}&pageSize=100` });
  expect(res.statusCode).toBe(200);
  return (res.json().items as Row[]).filter((r) => r.action === action);
}

describe('security events in the audit log', () => {
  it('a flood of permission refusals: a few rows and one count of the rest, and an alert', async () => {
    for (let i = 0; i < 45; i++) {
      expect((await member.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    }
    expect(await auditRows(auditor, 'security.forbidden')).toHaveLength(3);
    await ctx.app.securityEvents.flush();
    const suppressed = await auditRows(auditor, 'security.suppressed');
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.after).toMatchObject({ action: 'security.forbidden', count: 42 });
    expect(suppressed[0]!.summary).toContain('42次“越权访问被拒绝”');
    const alerts = await auditRows(auditor, 'security.alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.summary).toContain('请安全管理员核查');
  });

  it('a CSRF refusal is recorded', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/calendar/feed',
      headers: { cookie: member.cookie },
    });
    expect(res.statusCode).toBe(403);
    const rows = await auditRows(auditor, 'security.csrf_refused');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.summary).toContain('POST /api/calendar/feed');
  });

  it('an id of another court is recorded as a cross-court probe; an unknown id as a miss', async () => {
    const fsClerk = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    const theirRule = (await fsClerk.request({ method: 'GET', url: '/api/rules' })).json().items[0].id as string;
    expect((await member.request({ method: 'GET', url: `/api/rules/${theirRule}` })).statusCode).toBe(404);
    const probes = await auditRows(auditor, 'security.cross_court_probe');
    expect(probes).toHaveLength(1);
    expect(probes[0]!.after).toEqual({ ids: [theirRule] });
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await member.request({ method: 'GET', url: `/api/rules/${nobody}` })).statusCode).toBe(404);
    expect((await auditRows(auditor, 'security.not_found')).map((r) => r.after)).toContainEqual({ ids: [nobody] });
    // The other court's auditor sees none of it.
    const fsAuditor = await ctx.login(`${OTHER_COURT.usernamePrefix}auditor`);
    expect(await auditRows(fsAuditor, 'security.cross_court_probe')).toHaveLength(0);
  });

  it('a file download is recorded', async () => {
    const up = await member.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile('file', '材料.png', PNG, 'image/png'),
    });
    expect((await member.request({ method: 'GET', url: `/api/files/${up.json().id as string}` })).statusCode).toBe(200);
    const rows = await auditRows(auditor, 'file.download');
    expect(rows.map((r) => r.summary)).toContain('下载文件：材料.png');
  });

  it('a sign-in under an unknown username is the host court’s, and rate-limit refusals are recorded', async () => {
    const name = 'no-such-user-x';
    let limited = 0;
    for (let i = 0; i < 12; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: name, password: 'Wrong@2026pass' },
      });
      if (res.statusCode === 429) limited += 1;
    }
    expect(limited).toBeGreaterThan(0);
    const failed = (await auditRows(auditor, 'auth.login_failed')).filter((r) => r.actorName === name);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThanOrEqual(3);
    expect((await auditRows(auditor, 'security.rate_limited')).length).toBeGreaterThan(0);
    const fsAuditor = await ctx.login(`${OTHER_COURT.usernamePrefix}auditor`).catch(() => null);
    if (fsAuditor) {
      const theirs = (await auditRows(fsAuditor, 'auth.login_failed')).filter((r) => r.actorName === name);
      expect(theirs).toHaveLength(0);
    }
    const orphans: unknown = await ctx.database.db.execute(
      sql`select count(*)::int as n from audit_log where tenant_id is null and actor_name = ${name}`,
    );
    expect((orphans as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('the audit chain still verifies after all of it', async () => {
    await ctx.app.securityEvents.flush();
    const report = await verifyAuditChain(ctx.database.db);
    expect(report.broken).toBeUndefined();
    expect(report.checked).toBeGreaterThan(0);
  });
});
