/**
 * Opens one crash image of the embedded database (a copy of a PGlite data folder) in this fresh
 * process, as a server starting after a power cut would (PostgreSQL's crash recovery), and checks it:
 * every table read whole by a sequential scan, amcheck on every heap (verify_heapam) and every
 * B-tree index with heapallindexed (each heap row found in each index), the first inquiries read by
 * sequential scan and by index agreeing. Prints one JSON line; exits 0 whenever it could report.
 *
 *   node --import tsx bench/reliability/check-image.ts <pglite-folder> <topic-prefix>
 */
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';

export interface ImageCheck {
  opened: boolean;
  openError?: string;
  openMs?: number;
  tables?: number;
  rows?: number;
  /** Tables a sequential scan could not read. */
  unreadable: string[];
  /** verify_heapam findings and bt_index_check failures. */
  corruption: string[];
  /** Inquiry topics with the prefix and how often each is stored. */
  topics?: Record<string, number>;
  /** The inquiries counted by sequential scan and through the primary-key index. */
  inquiries?: { seqscan: number; index: number };
}

async function check(dir: string, prefix: string): Promise<ImageCheck> {
  const t0 = performance.now();
  let db: PGlite;
  // PostgreSQL's own words when recovery refuses the image (PGlite only says it failed to start).
  const log: string[] = [];
  const keep = (text: string) => {
    log.push(...text.split('\n').filter((line) => /FATAL|PANIC|ERROR|invalid|could not/i.test(line)));
    return true;
  };
  try {
    db = await PGlite.create({ dataDir: dir, extensions: { amcheck }, onStderr: keep, onStdout: keep });
    await db.query('select 1');
  } catch (error) {
    const said = log.slice(-4).join(' | ');
    return { opened: false, openError: `${String(error)}: ${said}`.slice(0, 800), unreadable: [], corruption: [] };
  }
  const result: ImageCheck = {
    opened: true,
    openMs: Math.round(performance.now() - t0),
    unreadable: [],
    corruption: [],
  };
  try {
    await db.exec('create extension if not exists amcheck');
    const tables = (
      await db.query<{ name: string }>(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = 'r' order by 1`,
      )
    ).rows.map((r) => r.name);
    result.tables = tables.length;
    result.rows = 0;
    await db.exec('set enable_indexscan = off; set enable_bitmapscan = off; set enable_indexonlyscan = off');
    for (const table of tables) {
      try {
        const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from "${table}"`);
        result.rows += rows[0]?.n ?? 0;
        const heap = await db.query<{ blkno: number; msg: string }>(
          `select blkno, msg from verify_heapam('public."${table}"'::regclass)`,
        );
        for (const row of heap.rows.slice(0, 3))
          result.corruption.push(`${table} block ${String(row.blkno)}: ${row.msg}`);
      } catch (error) {
        result.unreadable.push(`${table}: ${String(error).slice(0, 200)}`);
      }
    }
    const indexes = (
      await db.query<{ name: string }>(
        `select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
         join pg_namespace n on n.oid = c.relnamespace join pg_am a on a.oid = c.relam
         where n.nspname = 'public' and a.amname = 'btree' and i.indisvalid order by 1`,
      )
    ).rows.map((r) => r.name);
    for (const index of indexes) {
      try {
        await db.query(`select bt_index_check('public."${index}"'::regclass, true)`);
      } catch (error) {
        result.corruption.push(`${index}: ${String(error).slice(0, 200)}`);
      }
    }
    const topics = await db.query<{ topic: string; n: number }>(
      `select topic, count(*)::int as n from inquiries where topic like $1 group by topic`,
      [`${prefix}%`],
    );
    result.topics = Object.fromEntries(topics.rows.map((r) => [r.topic, r.n]));
    const seq = await db.query<{ n: number }>('select count(*)::int as n from inquiries');
    await db.exec('reset all; set enable_seqscan = off');
    const viaIndex = await db.query<{ n: number }>('select count(id)::int as n from inquiries where id is not null');
    result.inquiries = { seqscan: seq.rows[0]?.n ?? -1, index: viaIndex.rows[0]?.n ?? -1 };
  } catch (error) {
    result.unreadable.push(`check: ${String(error).slice(0, 300)}`);
  } finally {
    await db.close().catch(() => undefined);
  }
  return result;
}

const [dir, prefix] = process.argv.slice(2);
if (!dir || !prefix) {
  process.stderr.write('用法：check-image.ts <pglite 数据目录> <主题前缀>\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(await check(dir, prefix))}\n`);
}
