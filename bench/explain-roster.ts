/**
 * Where a roster request's time goes: builds the real app in-process on a fresh 10,000-person
 * court, records every SQL statement one `GET /api/members` issues, then times each statement on
 * its own and prints its EXPLAIN ANALYZE. A diagnostic, not a target; `npm run bench` skips it.
 *
 *   node --import tsx bench/explain-roster.ts [pglite|postgresql] [--plans] ['status=full&retired=false&page=1' …]
 */
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import * as schema from '../apps/server/src/db/schema/index.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import type { Database } from '../apps/server/src/platform/db.ts';
import { BENCH_PASSWORD, createDatabase, prepareCourt, type DatabaseKind } from './databases.ts';
import { median, round } from './latency.ts';
import { isMainModule } from './paths.ts';
import { signInByInject } from './two-factor.ts';

interface Statement {
  text: string;
  params: unknown[];
}

type RawQuery = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** The same database recording what Drizzle sends, and a raw query function. */
function instrumented(
  kind: DatabaseKind,
  base: Database,
  url: string | undefined,
  log: Statement[],
): { database: Database; raw: RawQuery; close: () => Promise<void> } {
  const logger = { logQuery: (text: string, params: unknown[]) => log.push({ text, params }) };
  if (kind === 'pglite') {
    const client = base.pglite;
    if (!client) throw new Error('a PGlite database without its engine');
    return {
      database: { ...base, db: drizzlePglite(client, { schema, logger }) },
      raw: async (text, params) => (await client.query<Record<string, unknown>>(text, params)).rows,
      close: () => base.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off -c timezone=UTC' });
  return {
    database: { ...base, db: drizzlePg(pool, { schema, logger }) },
    raw: async (text, params) => (await pool.query<Record<string, unknown>>(text, params)).rows,
    close: async () => {
      await pool.end();
      await base.close();
    },
  };
}

async function timeIt(fn: () => Promise<unknown>, times: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** What one request costs alone (no concurrency), then its statements with their plans. */
async function explainRequest(app: FastifyInstance, cookie: string, query: string, log: Statement[], raw: RawQuery) {
  const out: string[] = [];
  const request = () => app.inject({ method: 'GET', url: `/api/members?${query}`, headers: { cookie } });
  await request();
  log.length = 0;
  const first = await request();
  const statements = [...log];
  const ms = await timeIt(request, 30);
  out.push(`GET /api/members?${query} → ${String(first.statusCode)}, in-process median ${String(round(ms, 2))} ms`);
  for (const [i, s] of statements.entries()) {
    const ms = await timeIt(() => raw(s.text, s.params), 30);
    out.push(`  #${String(i + 1)} median ${String(round(ms, 2))} ms: ${s.text.slice(0, 160)}…`);
  }
  return { out, statements };
}

/**
 * Times each query's request in-process on a fresh 10,000-person court; with `plans`, prints the
 * full SQL and EXPLAIN ANALYZE of every statement too.
 */
export async function explainRoster(
  kind: DatabaseKind,
  queries: readonly string[],
  opts: { adminUrl: string | undefined; plans: boolean },
): Promise<string> {
  const bench = await createDatabase(kind, opts.adminUrl);
  const out: string[] = [];
  try {
    const court = await prepareCourt(bench, Number(process.env.BENCH_PEOPLE ?? 10_000));
    out.push(`${kind}: ${String(court.people)} people, ${await bench.version()}`);
    const log: Statement[] = [];
    const opened = await bench.open();
    await opened.migrate(); // as the server does at start, and the maintenance it does a second later
    await opened.maintain();
    const { database, raw, close } = instrumented(kind, opened, bench.url, log);
    try {
      const config = loadConfig({ QIZHI_DATA_DIR: bench.dataDir, LOG_LEVEL: 'silent' });
      const app = await buildApp({ config, database }, { logger: false });
      const signIn = await signInByInject(app, 'clerk', BENCH_PASSWORD);
      const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      for (const query of queries) {
        const concrete = query
          .replace('<ID>', court.idNumbers[0] ?? '')
          .replace('<DEPT>', court.departmentIds[0]?.id ?? '');
        const explained = await explainRequest(app, cookie, concrete, log, raw);
        out.push('', ...explained.out);
        if (!opts.plans) continue;
        for (const s of explained.statements.filter((st) => /^\s*select/i.test(st.text))) {
          out.push('', s.text, JSON.stringify(s.params));
          const plan = await raw(`explain (analyze, buffers) ${s.text}`, s.params);
          out.push(...plan.map((row) => `    ${String(Object.values(row)[0])}`));
        }
      }
      await app.close();
    } finally {
      await close();
    }
  } finally {
    await bench.dispose();
  }
  return out.join('\n');
}

const DEFAULT_QUERIES = [
  'status=full&retired=false&pageSize=20&page=1',
  'status=full&retired=false&pageSize=20&page=200',
  'retired=true&pageSize=20&page=1',
  'departmentId=<DEPT>&pageSize=20&page=1',
  'q=%E7%8E%8B&pageSize=20&page=1',
  'q=<ID>',
  'sort=birthDate&order=desc&pageSize=20&page=1',
  'pageSize=20&page=1',
];

if (isMainModule(import.meta.url)) {
  const args = process.argv.slice(2);
  const kind: DatabaseKind = args.includes('postgresql') ? 'postgresql' : 'pglite';
  const plans = args.includes('--plans');
  const asked = args.filter((a) => a.includes('='));
  const report = await explainRoster(kind, asked.length ? asked : DEFAULT_QUERIES, {
    adminUrl: process.env.BENCH_DATABASE_URL,
    plans,
  });
  process.stdout.write(`${report}\n`);
}
