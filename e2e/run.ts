/**
 * Entry of `npm run test:e2e`: builds the web app, starts a server of our own (free port, fresh
 * temporary data folder, demo court seeded), runs every `*.e2e.ts` with node's test runner against
 * it, stops the server and exits with the tests' status.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from './e2e-config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`服务器启动失败（退出码 ${String(server.exitCode)}）`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`服务器在 ${String(timeoutMs / 1000)} 秒内没有就绪`);
}

/** The tests need the built web app from the server itself: its page and the script it loads. */
async function checkWebApp(baseUrl: string): Promise<void> {
  const page = await fetch(`${baseUrl}/login`);
  const html = await page.text();
  const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
  if (!page.ok || !script) throw new Error(`GET /login 没有返回前端页面（${String(page.status)}）`);
  const asset = await fetch(`${baseUrl}${script}`, { headers: { 'Accept-Encoding': 'gzip' } });
  if (!asset.ok) {
    const body = (await asset.text()).slice(0, 200);
    throw new Error(`服务器没有提供前端脚本：GET ${script} → ${String(asset.status)} ${body}`);
  }
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

async function main(): Promise<number> {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const build = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web', '--silent'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) return build.status ?? 1;
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${String(port)}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qizhi-e2e-'));
  // As `npm start` runs it: the bundled server, rebuilt first if a source is newer.
  const server = spawn(process.execPath, ['--enable-source-maps', 'apps/server/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      QIZHI_DATA_DIR: path.join(dataDir, 'data'),
      QIZHI_DEMO_PASSWORD: DEMO_PASSWORD,
      QIZHI_SEED_DEMO: 'true',
      QIZHI_LOGIN_RATE_LIMIT: '500',
      LOG_LEVEL: process.env.E2E_SERVER_LOG ?? 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });

  try {
    await waitForHealth(baseUrl, server, 90_000);
    await checkWebApp(baseUrl);
    // `npm run test:e2e -- goals` runs only the files whose names contain a given word.
    const only = process.argv.slice(2);
    const files = readdirSync(path.join(root, 'e2e'))
      .filter((name) => name.endsWith('.e2e.ts'))
      .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
      .sort()
      .map((name) => path.join('e2e', name));
    // Each file runs in its own process with its own browser; one at a time on a small machine.
    const tests = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
      { cwd: root, stdio: 'inherit', env: { ...process.env, E2E_BASE_URL: baseUrl } },
    );
    return tests.status ?? 1;
  } finally {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`e2e：${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
