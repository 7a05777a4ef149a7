/**
 * Issue 11: a power cut on the embedded database, proven with crash images. The real server runs on
 * PGlite under the write stream (four writers of first inquiries); at random instants the server
 * process is frozen (SIGSTOP: between two system calls, so every write PostgreSQL has made is in the
 * host's page cache and none is half done), its data folder copied, and the process resumed. Each
 * image is then opened in a fresh process (check-image.ts: crash recovery, every table read,
 * amcheck on heaps and B-tree indexes) and its first inquiries compared with the acknowledged ones.
 *
 * Kinds of image, and what each models (an image is what the disk holds after the crash):
 * - `instant`: the copy at one instant. What a process crash leaves, and what an operating-system
 *   crash leaves when the kernel had written every dirty page back. Every write acknowledged
 *   before the freeze must be there.
 * - `pages`: two copies Δ apart (0.3–2 s), each 4 KiB page of each file taken from the earlier or the
 *   later at random, a file created in between kept or not, one removed in between kept or not: the
 *   kernel wrote back an arbitrary part of what was written in the last Δ, in any order — what a
 *   power cut leaves when nothing was fsynced. In synced mode the WAL and pg_control are taken
 *   from the later copy, since every commit and every control-file update was fsynced before it
 *   returned (the tail of a commit still in flight could be lost too; it was not acknowledged).
 * - `wal-lost` (default mode): the later copy with the WAL files of the earlier one — the kernel
 *   wrote everything back except the WAL of the last Δ. `data-lost` (synced mode, where the WAL
 *   cannot be lost): the earlier data files with the later WAL and pg_control.
 * In default mode (PGlite's fsync off) `pages` and `wal-lost` may lose what was acknowledged in the
 * last Δ; what was acknowledged before the earlier copy must survive, the image must open and be
 * consistent. In synced mode nothing acknowledged before the freeze may be lost, in any kind.
 * Neither models a disk that lies about its cache or tears a 4 KiB page.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_PASSWORD, createPgliteDatabase } from '../databases.ts';
import { REPO_ROOT } from '../paths.ts';
import { startQizhi, waitForStartupBackup } from '../qizhi-server.ts';
import type { ImageCheck } from './check-image.ts';
import { newTally, signInWhenReady, streamWrites, TOPIC_PREFIX } from './write-stream.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PAGE = 4096;

type Kind = 'instant' | 'pages' | 'wal-lost' | 'data-lost';

interface Frozen {
  dir: string;
  /** performance.now() just before SIGSTOP: acknowledgements received earlier were committed. */
  at: number;
  stoppedMs: number;
}

/** Freezes the server, copies its PGlite folder, lets it run again. */
function freezeAndCopy(pid: number, from: string, to: string): Frozen {
  const at = performance.now();
  process.kill(pid, 'SIGSTOP');
  try {
    fs.cpSync(from, to, { recursive: true });
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  return { dir: to, at, stoppedMs: Math.round(performance.now() - at) };
}

function filesUnder(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(full, base);
    return e.isFile() ? [path.relative(base, full)] : [];
  });
}

const isWal = (file: string) => file.startsWith(`pg_wal${path.sep}`) && !file.endsWith('.history');
const isControl = (file: string) => file === path.join('global', 'pg_control');

/** Keeps `late` when `keepLate(file)`, else each page or file at random: see the kinds above. */
function mixPages(
  early: string,
  late: string,
  out: string,
  keepLate: (file: string) => boolean,
): { mixedPages: number; changedFiles: string[] } {
  const files = new Set([...filesUnder(early), ...filesUnder(late)]);
  const changedFiles = [...files].filter((file) => {
    const a = path.join(early, file);
    const b = path.join(late, file);
    return !fs.existsSync(a) || !fs.existsSync(b) || !fs.readFileSync(a).equals(fs.readFileSync(b));
  });
  // Folders first: an empty one (pg_notify, pg_snapshots…) is part of the image too.
  for (const root of [early, late]) {
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory())
        fs.mkdirSync(path.join(out, path.relative(root, path.join(entry.parentPath, entry.name))), { recursive: true });
    }
  }
  let mixedPages = 0;
  for (const file of files) {
    const a = path.join(early, file);
    const b = path.join(late, file);
    const target = path.join(out, file);
    const inEarly = fs.existsSync(a);
    const inLate = fs.existsSync(b);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (keepLate(file)) {
      if (inLate) fs.copyFileSync(b, target);
      continue;
    }
    if (!inEarly || !inLate) {
      // Created or removed in between: the directory entry reached the disk or it did not.
      if (Math.random() < 0.5) fs.copyFileSync(inLate ? b : a, target);
      continue;
    }
    const before = fs.readFileSync(a);
    const after = fs.readFileSync(b);
    const length = Math.random() < 0.5 ? before.length : after.length;
    const result = Buffer.alloc(length);
    for (let offset = 0; offset < length; offset += PAGE) {
      const end = Math.min(length, offset + PAGE);
      const useLate = offset >= before.length || (offset < after.length && Math.random() < 0.5);
      const source = useLate ? after : before;
      const slice = source.subarray(offset, Math.min(end, source.length));
      slice.copy(result, offset);
      if (useLate && !slice.equals(before.subarray(offset, end))) mixedPages += 1;
    }
    fs.writeFileSync(target, result);
  }
  return { mixedPages, changedFiles };
}

/** `base` with the files `take(file)` says replaced by (or, if absent there, removed for) those of `other`. */
function replaceFiles(base: string, other: string, out: string, take: (file: string) => boolean): void {
  fs.cpSync(base, out, { recursive: true });
  for (const file of filesUnder(out).filter(take)) fs.rmSync(path.join(out, file));
  for (const file of filesUnder(other).filter(take)) {
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.copyFileSync(path.join(other, file), path.join(out, file));
  }
}

function checkImage(dir: string): Promise<ImageCheck> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'bench/reliability/check-image.ts'), dir, TOPIC_PREFIX],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as ImageCheck);
      } catch {
        resolve({
          opened: false,
          openError: `checker ended ${String(code ?? signal)}: ${(err || out).slice(-500)}`,
          unreadable: [],
          corruption: [],
        });
      }
    });
  });
}

interface Pending {
  index: number;
  kind: Kind;
  dir: string;
  /** Acknowledged before this instant: must be in the image. */
  mustHave: Set<string>;
  /** Acknowledged up to the freeze; those not in mustHave may be lost (default mode only). */
  acknowledged: Set<string>;
  windowMs: number;
  stoppedMs: number;
  mixedPages?: number;
  /** Files that differ between the two copies (pages images). */
  changedFiles?: string[];
  checkpointInWindow: boolean;
  load: number;
}

function acknowledgedBefore(at: Map<string, number>, instant: number): Set<string> {
  return new Set([...at].filter(([, t]) => t < instant).map(([topic]) => topic));
}

function judge(image: Pending, check: ImageCheck) {
  const topics = check.topics ?? {};
  const missingRequired = [...image.mustHave].filter((t) => !(t in topics));
  const lostInWindow = [...image.acknowledged].filter((t) => !image.mustHave.has(t) && !(t in topics));
  const duplicated = Object.entries(topics)
    .filter(([, n]) => n > 1)
    .map(([t]) => t);
  const indexAgrees = check.inquiries ? check.inquiries.seqscan === check.inquiries.index : false;
  const passed =
    check.opened &&
    check.unreadable.length === 0 &&
    check.corruption.length === 0 &&
    indexAgrees &&
    missingRequired.length === 0 &&
    duplicated.length === 0;
  return {
    image: image.index,
    kind: image.kind,
    windowMs: image.windowMs,
    frozenMs: image.stoppedMs,
    ...(image.mixedPages === undefined ? {} : { mixedPages: image.mixedPages }),
    ...(image.changedFiles === undefined ? {} : { changedFiles: image.changedFiles.slice(0, 12) }),
    checkpointInWindow: image.checkpointInWindow,
    load: Math.round(image.load * 10) / 10,
    opened: check.opened,
    openError: check.openError,
    openMs: check.openMs,
    tables: check.tables,
    rows: check.rows,
    unreadable: check.unreadable.slice(0, 3),
    corruption: check.corruption.slice(0, 3),
    inquiries: check.inquiries,
    acknowledged: image.acknowledged.size,
    required: image.mustHave.size,
    present: [...image.acknowledged].filter((t) => t in topics).length,
    missingRequired: missingRequired.slice(0, 5),
    lostInWindow: lostInWindow.length,
    duplicated: duplicated.slice(0, 5),
    passed,
  };
}

export async function runPowerCut(images: number, synced: boolean, only?: string): Promise<boolean> {
  const all: Kind[] = synced ? ['instant', 'pages', 'data-lost'] : ['instant', 'pages', 'wal-lost'];
  const kinds = only ? all.filter((k) => k === only) : all;
  if (kinds.length === 0) throw new Error(`--kind 应为 ${all.join('、')} 之一`);
  const bench = createPgliteDatabase();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-power-cut-'));
  const live = path.join(bench.dataDir, 'pglite');
  const tally = newTally();
  const pending: Pending[] = [];
  let stopped = false;
  const server = await startQizhi(bench, 'power-cut.log', { QIZHI_PGLITE_SYNC: synced ? 'on' : 'off' }, 300_000);
  try {
    // The start-of-day snapshot blocks the server for a while: images are taken after it.
    await waitForStartupBackup(bench, 300_000);
    const session = await signInWhenReady(server.url, BENCH_PASSWORD);
    const stream = streamWrites({
      label: 'cut',
      writers: 4,
      tally,
      target: () => ({ baseUrl: server.url, session }),
      stop: () => stopped,
    });
    try {
      for (let i = 0; i < images; i++) {
        // An instant among writes that flow: at least five more acknowledged since the last image.
        const flowing = tally.acknowledged.size + 5;
        for (let waited = 0; tally.acknowledged.size < flowing && waited < 120_000; waited += 50) await sleep(50);
        await sleep(Math.random() * 1_500);
        const kind = kinds[i % kinds.length]!;
        const dir = path.join(work, `image-${String(i)}`);
        if (kind === 'instant') {
          const frozen = freezeAndCopy(server.pid, live, dir);
          pending.push({
            index: i,
            kind,
            dir,
            mustHave: acknowledgedBefore(tally.acknowledgedAt, frozen.at),
            acknowledged: acknowledgedBefore(tally.acknowledgedAt, frozen.at),
            windowMs: 0,
            stoppedMs: frozen.stoppedMs,
            checkpointInWindow: false,
            load: os.loadavg()[0]!,
          });
          continue;
        }
        const early = freezeAndCopy(server.pid, live, `${dir}-early`);
        await sleep(300 + Math.random() * 1_700);
        const late = freezeAndCopy(server.pid, live, `${dir}-late`);
        const control = path.join('global', 'pg_control');
        const checkpointInWindow = !fs
          .readFileSync(path.join(early.dir, control))
          .equals(fs.readFileSync(path.join(late.dir, control)));
        let mixedPages: number | undefined;
        let changedFiles: string[] | undefined;
        if (kind === 'pages') {
          // Synced: the WAL and pg_control were fsynced before anything was acknowledged; after a
          // checkpoint in the window the data files were too, so the later copy is what the disk holds.
          const keepLate = synced
            ? (file: string) => checkpointInWindow || isWal(file) || isControl(file)
            : () => false;
          ({ mixedPages, changedFiles } = mixPages(early.dir, late.dir, dir, keepLate));
        } else if (kind === 'wal-lost') {
          replaceFiles(late.dir, early.dir, dir, isWal);
        } else {
          replaceFiles(early.dir, late.dir, dir, (file) => checkpointInWindow || isWal(file) || isControl(file));
        }
        fs.rmSync(early.dir, { recursive: true, force: true });
        fs.rmSync(late.dir, { recursive: true, force: true });
        pending.push({
          index: i,
          kind,
          dir,
          mustHave: acknowledgedBefore(tally.acknowledgedAt, synced ? late.at : early.at),
          acknowledged: acknowledgedBefore(tally.acknowledgedAt, late.at),
          windowMs: Math.round(late.at - early.at),
          stoppedMs: Math.max(early.stoppedMs, late.stoppedMs),
          mixedPages,
          changedFiles,
          checkpointInWindow,
          load: os.loadavg()[0]!,
        });
      }
    } finally {
      stopped = true;
      await stream;
    }
  } finally {
    stopped = true;
    await server.stop();
  }

  const results: ReturnType<typeof judge>[] = [];
  for (const image of pending) {
    const check = await checkImage(image.dir);
    fs.rmSync(image.dir, { recursive: true, force: true });
    results.push(judge(image, check));
  }
  fs.rmSync(work, { recursive: true, force: true });
  await bench.dispose();

  const passed = tally.unexpected.length === 0 && results.length === images && results.every((r) => r.passed);
  const byKind = Object.fromEntries(
    kinds.map((kind) => {
      const list = results.filter((r) => r.kind === kind);
      return [
        kind,
        {
          images: list.length,
          passed: list.filter((r) => r.passed).length,
          acknowledged: list.reduce((s, r) => s + r.acknowledged, 0),
          lostInWindow: list.reduce((s, r) => s + r.lostInWindow, 0),
          imagesLosingWrites: list.filter((r) => r.lostInWindow > 0 || r.missingRequired.length > 0).length,
          openMs: list.map((r) => r.openMs ?? -1),
        },
      ];
    }),
  );
  process.stdout.write(
    `${JSON.stringify(
      {
        script: 'power-cut',
        mode: synced ? 'synced' : 'default',
        images: results.length,
        byKind,
        writes: { acknowledged: tally.acknowledged.size, unavailable: tally.unavailable, unanswered: tally.unanswered },
        unexpected: tally.unexpected.slice(0, 10),
        results,
        passed,
      },
      null,
      2,
    )}\n`,
  );
  return passed;
}
