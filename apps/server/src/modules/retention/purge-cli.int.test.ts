import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-purge-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function qizhi(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, QIZHI_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// The command's contract on the embedded database; what it removes is proven on both databases by
// retention.int.test.ts through the same service.
describe.runIf(process.env.QIZHI_TEST_DB !== 'postgresql')('npm run qizhi -- purge-expired', () => {
  it(
    'prints counts per court and kind; --dry-run removes nothing; an unknown court is refused',
    { timeout: 480_000 },
    async () => {
      expect((await qizhi(['seed-demo'])).code).toBe(0);
      const dry = await qizhi(['purge-expired', '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('安泽县人民法院（anze）：');
      for (const label of [
        '领导接访来访登记',
        '首问负责登记',
        '已发送或已放弃的推送消息',
        '已结束的登录会话',
        '过期的双因素登录临时凭据',
      ])
        expect(dry.stdout).toContain(label);
      expect(dry.stdout).toMatch(/试运行：到期 \d+ 条，未删除任何数据/);
      const done = await qizhi(['purge-expired', '--court', 'anze']);
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout).toMatch(/已清理 \d+ 条/);
      const unknown = await qizhi(['purge-expired', '--court', 'nowhere']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('没有代码为 nowhere 的法院');
    },
  );
});
