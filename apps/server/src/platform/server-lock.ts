/**
 * One process at a time on an embedded data folder: PGlite is one engine in one process, and two on
 * the same files corrupt them. The lock is a socket named after the folder, which the operating
 * system closes when the process ends in any way — exit, crash or SIGKILL — so no file is trusted
 * and nothing is left to clean up. On Linux it is an abstract socket (no file at all), on Windows a
 * named pipe; elsewhere a socket file in the temporary folder, taken over when nobody answers on it.
 * While held, the socket answers who holds it, so a refusal names the process.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensurePrivateDir } from './paths.ts';

export interface DataFolderLock {
  release(): Promise<void>;
}

export interface LockHolder {
  pid: number;
  role: string;
  startedAt: string;
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `进程 ${String(holder.pid)}（${holder.role === 'server' ? '旗帜服务' : '旗帜运维命令'}，${holder.startedAt} 启动）`
      : '另一个进程';
    super(
      `数据目录 ${dataDir} 正由${who}使用，同一数据目录只能由一个进程打开。请先停止该进程，或换一个 QIZHI_DATA_DIR。`,
    );
    this.name = 'DataFolderInUseError';
  }
}

function socketName(dataDir: string): { name: string; file: boolean } {
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 32);
  if (process.platform === 'linux') return { name: `\0qizhi-data-${key}`, file: false };
  if (process.platform === 'win32') return { name: `\\\\?\\pipe\\qizhi-data-${key}`, file: false };
  return { name: path.join(os.tmpdir(), `qizhi-data-${key}.sock`), file: true };
}

/** Who holds the lock, asked over its socket; `null` when nobody answers (a socket file left behind). */
function askHolder(name: string): Promise<LockHolder | null> {
  return new Promise((resolve) => {
    let data = '';
    const socket = net.connect(name);
    socket.setTimeout(2_000, () => socket.destroy());
    socket.on('data', (chunk) => (data += String(chunk)));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(data) as LockHolder);
      } catch {
        resolve({ pid: 0, role: 'unknown', startedAt: '?' });
      }
    });
    socket.on('error', () => resolve(null));
    socket.on('close', () => resolve(null));
  });
}

function listen(server: net.Server, name: string): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const onError = (err: NodeJS.ErrnoException) => resolve(err);
    server.once('error', onError);
    server.listen(name, () => {
      server.off('error', onError);
      resolve(null);
    });
  });
}

/**
 * Takes the data folder for this process (`role`: 'server' or 'cli'), or throws
 * DataFolderInUseError naming the process that has it.
 */
export async function lockDataFolder(dataDir: string, role: 'server' | 'cli'): Promise<DataFolderLock> {
  ensurePrivateDir(dataDir);
  const folder = fs.realpathSync(dataDir);
  const { name, file } = socketName(folder);
  const me: LockHolder = { pid: process.pid, role, startedAt: new Date().toISOString() };
  const server = net.createServer((socket) => socket.end(JSON.stringify(me)));
  for (let attempt = 0; ; attempt++) {
    const err = await listen(server, name);
    if (!err) break;
    if (err.code !== 'EADDRINUSE') throw err;
    const holder = await askHolder(name);
    // Nobody answers: the holder has just ended, or left a socket file behind — try once more.
    if (holder === null && attempt === 0) {
      if (file) fs.rmSync(name, { force: true });
      continue;
    }
    throw new DataFolderInUseError(folder, holder);
  }
  // The lock must not keep the process alive by itself.
  server.unref();
  return {
    release: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}
