import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './platform/db.ts';
import { lockDataFolder } from './platform/server-lock.ts';

const run = promisify(execFile);

/** A person with no account yet and a 党小组 of the seeded court, read straight from the data folder. */
async function rosterIds(pgliteDir: string): Promise<{ personId: string; cellId: string }> {
  const database = await openPglite(pgliteDir);
  try {
    const person = await database.pglite!.query<{ id: string }>(
      `select p.id from people p where not exists (select 1 from users u where u.person_id = p.id) order by p.name limit 1`,
    );
    const cell = await database.pglite!.query<{ id: string }>(
      `select id from org_units where kind = 'cell' order by name limit 1`,
    );
    return { personId: person.rows[0]!.id, cellId: cell.rows[0]!.id };
  } finally {
    await database.close();
  }
}
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function qizhi(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, QIZHI_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// The operator's commands on the embedded database; PostgreSQL backups are covered by backup.int.test.ts.
describe.runIf(process.env.QIZHI_TEST_DB !== 'postgresql')('admin CLI', () => {
  // Each step starts the CLI through tsx (a cold load of the server's modules and PGlite): on a loaded
  // 2-core machine the whole walk took 95–120 s, and 250 s with the roster accounts added while other
  // suites ran, so the limit leaves room.
  it(
    'seeds, creates users (one linked, a 党小组 in bulk), resets, unlocks, backs up and restores',
    { timeout: 480_000 },
    async () => {
      const seeded = await qizhi(['seed-demo']);
      expect(seeded.code, seeded.stderr).toBe(0);
      expect(seeded.stdout).toContain('一次性初始密码');
      const file = path.join(dir, 'data', 'demo-passwords.txt');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file, 'utf8')).toMatch(/^clerk\tclerk\t\S{14}$/m);
      expect((await qizhi(['seed-demo'])).code).toBe(2);

      const created = await qizhi(['create-user', '--username', 'wang.ming', '--name', '王明', '--role', 'clerk']);
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toMatch(/一次性初始密码：\S{14}/);
      expect((await qizhi(['create-user', '--username', 'x', '--role', 'emperor'])).stderr).toContain('没有角色');
      expect((await qizhi(['reset-password', '--username', 'wang.ming'])).stdout).toMatch(/一次性密码：\S{14}/);
      expect((await qizhi(['unlock', '--username', 'nobody'])).stderr).toContain('没有用户名为“nobody”的账号');
      expect((await qizhi(['unlock', '--username', 'wang.ming'])).code).toBe(0);
      // 双因素登录: the out-of-band reset, positional username as the brief names it (audited; see two-factor.int.test.ts).
      const reset2fa = await qizhi(['reset-two-factor', 'admin']);
      expect(reset2fa.code, reset2fa.stderr).toBe(0);
      expect(reset2fa.stdout).toContain('admin');

      // Accounts for roster people: one picked by id, then a whole 党小组 into the officer's .xlsx.
      const { personId, cellId } = await rosterIds(path.join(dir, 'data', 'pglite'));
      const linked = await qizhi(['create-user', '--username', 'linked.one', '--person', personId]);
      expect(linked.code, linked.stderr).toBe(0);
      expect(linked.stdout).toMatch(/关联人员 \S+/);
      const twice = await qizhi(['create-user', '--username', 'linked.two', '--person', personId]);
      expect(twice.stderr).toContain('已有账号（用户名 linked.one）');
      const out = path.join(dir, 'cell.xlsx');
      const bulk = await qizhi(['create-accounts', '--org-unit', cellId, '--out', out]);
      expect(bulk.code, bulk.stderr).toBe(0);
      expect(bulk.stdout).toMatch(/新建账号 \d+ 个/);
      expect(fs.statSync(out).mode & 0o777).toBe(0o600);
      const sheet = new ExcelJS.Workbook();
      await sheet.xlsx.readFile(out);
      const rows = sheet.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
      expect(rows[0]!.slice(1, 5)).toEqual(['姓名', '所在组织', '用户名', '初始密码']);
      expect(rows.length).toBeGreaterThan(2);
      const nothingNew = await qizhi(['create-accounts', '--org-unit', cellId, '--out', out]);
      expect(nothingNew.stdout).toContain('没有需要新建的账号');
      expect((await qizhi(['create-accounts', '--org-unit', 'cell-1', '--out', out])).stderr).toContain('--org-unit');

      const backup = await qizhi(['backup', '--file', path.join(dir, 'b.tar.gz')]);
      expect(backup.code, backup.stderr).toBe(0);
      const restoreDir = path.join(dir, 'restored');
      const restored = await qizhi(['restore', '--file', path.join(dir, 'b.tar.gz')], { QIZHI_DATA_DIR: restoreDir });
      expect(restored.code, restored.stderr).toBe(0);
      // The backup holds no key (personal numbers and TOTP secrets are sealed with the server key):
      // without it the restored copy refuses to open, saying why, and opens once the key is put back.
      const keyless = await qizhi(['reset-password', '--username', 'wang.ming'], { QIZHI_DATA_DIR: restoreDir });
      expect(keyless.code).toBe(2);
      expect(keyless.stderr).toContain('加密密钥与数据库不符');
      fs.cpSync(path.join(dir, 'data', 'keys', 'two-factor.key'), path.join(restoreDir, 'keys', 'two-factor.key'));
      const again = await qizhi(['reset-password', '--username', 'wang.ming'], { QIZHI_DATA_DIR: restoreDir });
      expect(again.code, again.stderr).toBe(0);
    },
  );

  it('refuses to open the embedded database while another process holds it, and names a bad setting', async () => {
    const busyDir = path.join(dir, 'busy');
    const lock = await lockDataFolder(busyDir, 'server');
    const busy = await qizhi(['migrate'], { QIZHI_DATA_DIR: busyDir });
    await lock.release();
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(busyDir);
    expect(busy.stderr).toContain(`进程 ${String(process.pid)}（旗帜服务`);
    const bad = await qizhi(['migrate'], { PORT: 'eighty' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('PORT');
  });
});
