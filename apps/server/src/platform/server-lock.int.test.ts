import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-lock-'));
const dataDir = path.join(dir, 'data');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address() as net.AddressInfo;
      probe.close(() => resolve(address.port));
    });
  });
}

const env = async () => ({
  ...process.env,
  QIZHI_DATA_DIR: dataDir,
  DATABASE_URL: '',
  QIZHI_SEED_DEMO: 'false',
  PORT: String(await freePort()),
  LOG_LEVEL: 'info',
});

/** A server process through tsx, as `npm run dev` starts one; `output` collects what it prints. */
function startServer(vars: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], { cwd: ROOT, env: vars });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes('旗帜已启动')) {
        clearInterval(check);
        resolve();
      }
    }, 100);
    void exited.then(() => {
      clearInterval(check);
      reject(new Error(`server exited: ${output}`));
    });
  });
  // A server refused never listens: that is not an unhandled failure.
  listening.catch(() => undefined);
  return { child, exited, listening, output: () => output };
}

async function qizhi(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, QIZHI_DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// The embedded data folder only: on PostgreSQL several servers may share one database.
describe.runIf(process.env.QIZHI_TEST_DB !== 'postgresql')('one process per data folder', () => {
  it(
    'refuses a second server and the CLI while one runs, and frees the folder when it is killed',
    { timeout: 240_000 },
    async () => {
      const first = startServer(await env());
      await first.listening;
      const pid = first.child.pid!;

      const second = startServer(await env());
      expect(await second.exited).not.toBe(0);
      expect(second.output()).toContain(fs.realpathSync(dataDir));
      expect(second.output()).toContain(`进程 ${String(pid)}（旗帜服务`);

      const refused = await qizhi(['backup', '--file', path.join(dir, 'live.tar.gz')]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`进程 ${String(pid)}`);
      expect(fs.existsSync(path.join(dir, 'live.tar.gz'))).toBe(false);

      // SIGKILL leaves no chance to clean up: the operating system releases the lock.
      first.child.kill('SIGKILL');
      await first.exited;
      const backup = await qizhi(['backup', '--file', path.join(dir, 'after.tar.gz')]);
      expect(backup.code, backup.stderr).toBe(0);
      expect(fs.existsSync(path.join(dir, 'after.tar.gz'))).toBe(true);
    },
  );
});
