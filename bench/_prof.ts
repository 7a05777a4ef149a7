import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { BENCH_PASSWORD, createDatabase, prepareCourt, type DatabaseKind } from './databases.ts';
import inspector from 'node:inspector/promises';
import fs from 'node:fs';

const kind = (process.argv[2] ?? 'postgresql') as DatabaseKind;
const bench = await createDatabase(kind, process.env.BENCH_DATABASE_URL);
await prepareCourt(bench, 10_000);
{
  const d = await bench.open();
  await d.migrate();
  await d.close();
}
const database = await bench.open();
const config = loadConfig({ QIZHI_DATA_DIR: bench.dataDir, LOG_LEVEL: 'silent' });
const app = await buildApp({ config, database }, { logger: false });
const signIn = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'clerk', password: BENCH_PASSWORD },
});
const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
let page = 0;
const one = () =>
  app.inject({
    method: 'GET',
    url: `/api/members?status=full&retired=false&pageSize=20&page=${String((page++ % 248) + 1)}`,
    headers: { cookie },
  });
async function run(ms: number) {
  const end = performance.now() + ms;
  let n = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (performance.now() < end) {
        const r = await one();
        if (r.statusCode !== 200) throw new Error(r.body);
        n++;
      }
    }),
  );
  return n;
}
await run(2000);
const cpu0 = process.cpuUsage();
const session = new inspector.Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const n = await run(5000);
const { profile } = await session.post('Profiler.stop');
const cpu = process.cpuUsage(cpu0);
fs.writeFileSync(`/tmp/prof/${kind}.cpuprofile`, JSON.stringify(profile));
console.log(kind, n / 5, 'req/s', ((cpu.user + cpu.system) / 1000 / n).toFixed(3), 'ms node CPU/req');
if (kind === 'pglite')
  console.log(
    (await database.pglite!.query('select name, generic_plans, custom_plans from pg_prepared_statements')).rows,
  );
await app.close();
await database.close();
await bench.dispose();
