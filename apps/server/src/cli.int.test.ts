import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
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
  // 2-core machine the whole walk took 95–120 s, so the limit leaves room.
  it('seeds, creates a user, resets, unlocks, backs up and restores', { timeout: 300_000 }, async () => {
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

    const backup = await qizhi(['backup', '--file', path.join(dir, 'b.tar.gz')]);
    expect(backup.code, backup.stderr).toBe(0);
    const restoreDir = path.join(dir, 'restored');
    const restored = await qizhi(['restore', '--file', path.join(dir, 'b.tar.gz')], { QIZHI_DATA_DIR: restoreDir });
    expect(restored.code, restored.stderr).toBe(0);
    const again = await qizhi(['reset-password', '--username', 'wang.ming'], { QIZHI_DATA_DIR: restoreDir });
    expect(again.code, again.stderr).toBe(0);
  });

  it('refuses to open the embedded database while the server uses it, and names a bad setting', async () => {
    fs.mkdirSync(path.join(dir, 'busy'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'busy', 'server.pid'), String(process.pid));
    const busy = await qizhi(['migrate'], { QIZHI_DATA_DIR: path.join(dir, 'busy') });
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain('请先停止服务');
    const bad = await qizhi(['migrate'], { PORT: 'eighty' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('PORT');
  });
});
