import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const run = promisify(execFile);

describe.runIf(process.env.QIZHI_TEST_DB !== 'postgresql')('a refused restore', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-restore-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says why in a sentence, with no stack trace', { timeout: 120_000 }, async () => {
    const file = path.join(dir, 'broken.tar.gz');
    fs.writeFileSync(file, 'not a backup at all');
    const result = await run(
      process.execPath,
      ['--import', 'tsx', 'apps/server/src/cli.ts', 'restore', '--file', file],
      { cwd: ROOT, env: { ...process.env, QIZHI_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' } },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code: number; stderr: string }) => err,
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/恢复失败|备份/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
