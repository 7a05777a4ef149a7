/**
 * A PostgreSQL cluster of the script's own (initdb in a temporary folder, its own port), so it can
 * be killed and started again without touching the machine's server that other work uses.
 * PostgreSQL refuses to run as root: when we are root, its programs run as the `postgres` user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPgliteDatabase, createPostgresDatabase, type BenchDatabase } from '../databases.ts';
import { freePort } from '../server-process.ts';

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'pg_ctl')));
  if (!found) throw new Error('没有找到 PostgreSQL 服务端程序（Debian：apt-get install postgresql）');
  return found;
}

export interface PrivatePostgres {
  /** The admin connection (user postgres, trust) to the `postgres` database. */
  adminUrl: string;
  /** SIGKILL to the postmaster and every backend: what a crash or an OOM kill does. */
  kill(): void;
  start(): void;
  dispose(): void;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const run = (program: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(bin, program);
    const argv = asRoot ? ['-u', 'postgres', '--', path.join(bin, program), ...args] : args;
    const result = spawnSync(command, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${program} 失败：${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-instructions']);
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'postgres.log'),
      '-w',
      '-o',
      `-p ${String(port)} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ]);
  start();
  const kill = () => {
    const pid = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map(Number);
    for (const target of [pid, ...children]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    // The postmaster.pid of a killed server stays behind; pg_ctl start checks the pid is dead.
    for (let i = 0; i < 50 && spawnSync('kill', ['-0', String(pid)]).status === 0; i++) {
      spawnSync('sleep', ['0.1']);
    }
  };
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${String(port)}/postgres`,
    kill,
    start,
    dispose: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        // Not running.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `check` on each kind of database — PGlite in a temporary folder, PostgreSQL on a cluster of
 * its own — disposing of both whatever happens; passes when every run does.
 */
export async function onEachDatabase(
  kinds: readonly ('pglite' | 'postgresql')[],
  check: (bench: BenchDatabase) => Promise<boolean>,
): Promise<boolean> {
  let passed = true;
  for (const kind of kinds) {
    let cluster: PrivatePostgres | undefined;
    const bench =
      kind === 'pglite'
        ? createPgliteDatabase()
        : await (async () => {
            cluster = await startPrivatePostgres();
            return createPostgresDatabase(cluster.adminUrl);
          })();
    try {
      passed = (await check(bench)) && passed;
    } finally {
      await bench.dispose();
      cluster?.dispose();
    }
  }
  return passed;
}
