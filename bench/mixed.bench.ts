/**
 * A realistic mixed load: 40 signed-in clients of four roles — officers (党务干事), secretaries
 * (支部书记), leaders (院领导) and members (党员), ten each — on the demo court, each asking for what
 * its pages really load, about 80 % reads and 20 % writes. Reports throughput, p50/p95/p99, errors
 * and the server's memory; then runs each route alone for a moment to charge it the CPU it costs
 * (server, and PostgreSQL's backends), so the next performance work aims at what costs most.
 *
 *   node --import tsx bench/mixed.bench.ts         (BENCH_DATABASE_URL adds PostgreSQL)
 */
import fs from 'node:fs';
import { courtToday, courtYear, MemberPage, MyGoalsResponse, OrgUnitsResponse, RulesResponse } from '@qizhi/domain';
import { login, type Session } from './api-client.ts';
import { BENCH_PASSWORD, createDatabase, prepareCourt, type DatabaseKind } from './databases.ts';
import { round } from './latency.ts';
import { runLoad, type LoadRequest, type LoadResult } from './load.ts';
import { isMainModule } from './paths.ts';
import { printReport, runOnEachDatabase, type ScenarioOutcome } from './per-database.ts';
import { pidProbe, postgresBackendsCpuMs, startCpuMeter, type CpuProbe } from './process-cpu.ts';
import { startQizhi, waitForStartupBackup } from './qizhi-server.ts';
import { target, type BenchReport } from './targets.ts';

export interface MixedBenchOptions {
  clientsPerRole: number;
  warmupMs: number;
  durationMs: number;
  /** How long each route runs alone to measure its CPU. */
  perRouteMs: number;
  adminUrl: string | undefined;
}

export const MIXED_DEFAULTS: Omit<MixedBenchOptions, 'adminUrl'> = {
  clientsPerRole: 10,
  warmupMs: 5_000,
  durationMs: 60_000,
  perRouteMs: 3_000,
};

export const ROLES = ['clerk', 'secretary', 'leader', 'member'] as const;
export type Role = (typeof ROLES)[number];
const WRITE_SHARE = 0.2;

/** One kind of request a role makes; `label` groups its latencies and CPU. */
export interface Action {
  label: string;
  make(n: number): Omit<LoadRequest, 'label' | 'headers'>;
}

export interface CourtIds {
  branchId: string;
  rosterIds: string[];
  memberGoalIds: string[];
  ruleIds: string[];
}

const get = (label: string, path: string): Action => ({ label: `GET ${label}`, make: () => ({ path }) });

export function actionsOf(role: Role, ids: CourtIds): { reads: Action[]; writes: Action[] } {
  const year = courtYear();
  const page = (n: number) => 1 + (n % 4);
  const roster: Action = {
    label: 'GET /api/members',
    make: (n) => ({ path: `/api/members?page=${String(page(n))}&pageSize=20` }),
  };
  const compliance = get('/api/compliance', `/api/compliance?year=${String(year)}`);
  const goalsLevel = get('/api/goals', `/api/goals?year=${String(year)}`);
  const meetings = get('/api/meetings', '/api/meetings?page=1&pageSize=20');
  const commitments = get('/api/commitments', '/api/commitments');
  const reminders = get('/api/reminders', '/api/reminders');
  const me = get('/api/auth/me', '/api/auth/me');
  const confirmRule: Action = {
    label: 'POST /api/rules/:id/read',
    make: (n) => ({ method: 'POST', path: `/api/rules/${ids.ruleIds[n % ids.ruleIds.length] ?? ''}/read`, body: {} }),
  };
  switch (role) {
    case 'clerk':
      return {
        reads: [roster, get('/api/members/stats', '/api/members/stats'), meetings, compliance, commitments, goalsLevel],
        writes: [
          {
            label: 'PATCH /api/members/:id',
            make: (n) => ({
              method: 'PATCH',
              path: `/api/members/${ids.rosterIds[n % ids.rosterIds.length] ?? ''}`,
              body: { phone: `1390000${String(n % 10_000).padStart(4, '0')}` },
            }),
          },
        ],
      };
    case 'secretary':
      return {
        reads: [compliance, meetings, goalsLevel, get('/api/goal-reports', '/api/goal-reports?status=pending'), roster],
        writes: [
          {
            label: 'POST /api/meetings',
            make: (n) => ({
              method: 'POST',
              path: '/api/meetings',
              body: {
                type: 'theme_day',
                orgUnitId: ids.branchId,
                topic: `压力测试主题党日 ${String(n)}`,
                startsAt: `${courtToday()}T15:00:00+08:00`,
                place: '第一会议室',
              },
            }),
          },
        ],
      };
    case 'leader':
      return {
        reads: [
          get('/api/members/stats', '/api/members/stats'),
          get('/api/goals/summary', `/api/goals/summary?year=${String(year)}`),
          get('/api/goals/dimensions', `/api/goals/dimensions?year=${String(year)}`),
          compliance,
          get('/api/centre', '/api/centre'),
          goalsLevel,
        ],
        writes: [confirmRule],
      };
    case 'member':
      return {
        reads: [
          get('/api/goals/mine', `/api/goals/mine?year=${String(year)}`),
          get('/api/meetings/mine', '/api/meetings/mine'),
          get('/api/members/me', '/api/members/me'),
          get('/api/commitments/mine', '/api/commitments/mine'),
          reminders,
          me,
          get('/api/rules', '/api/rules'),
        ],
        writes: ids.memberGoalIds.length
          ? [
              {
                label: 'POST /api/goals/:id/progress',
                make: (n) => ({
                  method: 'POST',
                  path: `/api/goals/${ids.memberGoalIds[n % ids.memberGoalIds.length] ?? ''}/progress`,
                  body: { value: n % 100, note: '压力测试进度' },
                }),
              },
            ]
          : [confirmRule],
      };
  }
}

/** Deterministic spread: the n-th request of a worker is a write every fifth time, the reads in turn. */
export function pick(actions: { reads: Action[]; writes: Action[] }, worker: number, n: number): Action {
  const slot = (n * 7 + worker) % 10;
  const list = slot < WRITE_SHARE * 10 ? actions.writes : actions.reads;
  return list[(n + worker) % list.length]!;
}

async function fetchJson(url: string, session: Session): Promise<unknown> {
  const res = await fetch(url, { headers: { cookie: session.cookie } });
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${String(res.status)} ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

export async function discoverIds(base: string, sessions: Record<Role, Session>): Promise<CourtIds> {
  const units = OrgUnitsResponse.parse(await fetchJson(`${base}/api/org-units`, sessions.secretary));
  const branchId = units.items.find((u) => u.kind === 'branch')?.id;
  if (!branchId) throw new Error('the demo court has no branch');
  const roster = MemberPage.parse(await fetchJson(`${base}/api/members?page=1&pageSize=100`, sessions.clerk));
  const goals = MyGoalsResponse.parse(
    await fetchJson(`${base}/api/goals/mine?year=${String(courtYear())}`, sessions.member),
  );
  const rules = RulesResponse.parse(await fetchJson(`${base}/api/rules`, sessions.member));
  return {
    branchId,
    rosterIds: roster.items.map((p) => p.id),
    memberGoalIds: goals.items
      // Goals counted from the 学时台账 or meeting attendance take no typed progress (409).
      .filter((g) => g.ownerKind === 'person' && g.indicatorKind !== 'milestone' && g.progressSource === 'report')
      .map((g) => g.id),
    ruleIds: rules.items.map((r) => r.id),
  };
}

/**
 * `clientsPerRole` clients of each role, sharing one sign-in per role: an officer's second factor is a
 * TOTP code, and a code once used is refused (replay protection), so many sign-ins in one 30 s step
 * would fail. `roleOf[w]` is client w's role; `firstOf` a session of each role.
 */
export async function signInClients(baseUrl: string, clientsPerRole: number) {
  const sessions: Session[] = [];
  const roleOf: Role[] = [];
  for (const role of ROLES) {
    const session = await login(baseUrl, role, BENCH_PASSWORD);
    for (let i = 0; i < clientsPerRole; i++) {
      sessions.push(session);
      roleOf.push(role);
    }
  }
  const firstOf = Object.fromEntries(ROLES.map((r) => [r, sessions[roleOf.indexOf(r)]!])) as Record<Role, Session>;
  return { sessions, roleOf, firstOf };
}

export function rssMiB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

function describe(load: LoadResult) {
  return {
    requests: load.requests,
    errors: load.errors,
    errorSamples: load.errorSamples,
    rps: round(load.rps),
    latency: load.latency,
    byLabel: load.byLabel,
  };
}

async function runOn(kind: DatabaseKind, opts: MixedBenchOptions): Promise<ScenarioOutcome> {
  const bench = await createDatabase(kind, opts.adminUrl);
  try {
    const court = await prepareCourt(bench, 0);
    const server = await startQizhi(bench, 'mixed-server.log');
    try {
      await waitForStartupBackup(bench);
      const { sessions, roleOf, firstOf } = await signInClients(server.url, opts.clientsPerRole);
      const ids = await discoverIds(server.url, firstOf);
      const actions = Object.fromEntries(ROLES.map((r) => [r, actionsOf(r, ids)])) as Record<
        Role,
        ReturnType<typeof actionsOf>
      >;
      const headersOf = (w: number) => ({ cookie: sessions[w]!.cookie, 'x-csrf-token': sessions[w]!.csrfToken });
      const mixed = (ms: number) =>
        runLoad({
          baseUrl: server.url,
          concurrency: sessions.length,
          durationMs: ms,
          request: (w, n) => {
            const action = pick(actions[roleOf[w]!], w, n);
            return { ...action.make(n), label: action.label, headers: headersOf(w) };
          },
        });

      const dbName = bench.url ? new URL(bench.url).pathname.slice(1) : '';
      const probes: Record<string, CpuProbe> = {
        server: pidProbe(server.pid),
        ...(kind === 'postgresql' ? { postgres: () => postgresBackendsCpuMs(dbName) } : {}),
      };
      await mixed(opts.warmupMs);
      const rssBefore = rssMiB(server.pid);
      const meter = startCpuMeter(probes);
      const load = await mixed(opts.durationMs);
      const cpu = meter.read();
      const rssAfter = rssMiB(server.pid);

      // Each route alone, by four clients of a role that opens it: the CPU one request of it costs.
      const routeCost: Record<string, { rps: number; p95: number; cpuMsPerRequest: Record<string, number | null> }> =
        {};
      const seen = new Set<string>();
      for (const role of ROLES) {
        const first = roleOf.indexOf(role);
        for (const action of [...actions[role].reads, ...actions[role].writes]) {
          if (seen.has(action.label)) continue;
          seen.add(action.label);
          const routeMeter = startCpuMeter(probes);
          const alone = await runLoad({
            baseUrl: server.url,
            concurrency: 4,
            durationMs: opts.perRouteMs,
            request: (w, n) => ({ ...action.make(n * 4 + w), label: action.label, headers: headersOf(first + w) }),
          });
          const spent = routeMeter.read();
          routeCost[action.label] = {
            rps: round(alone.rps),
            p95: round(alone.latency.p95),
            cpuMsPerRequest: Object.fromEntries(
              Object.entries(spent).map(([name, ms]) => [
                name,
                ms === undefined || alone.requests === 0 ? null : round(ms / alone.requests),
              ]),
            ),
          };
        }
      }
      const costliest = Object.entries(routeCost).sort(
        (a, b) => (b[1].cpuMsPerRequest.server ?? 0) - (a[1].cpuMsPerRequest.server ?? 0),
      );
      const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
      const writes = load.labels.filter((l) => !l.startsWith('GET ')).length;
      const cpuPerRequest = Object.entries(cpu)
        .map(([k, ms]) => `${k} ${ms === undefined ? '?' : (ms / Math.max(1, load.requests)).toFixed(2)}`)
        .join(' + ');
      return {
        target: target({
          id: `mixed.p95.${kind}`,
          target: `mixed load, 40 clients of 4 roles, p95, ${name} (no worse than the 700 ms measured before issue 8)`,
          measured: round(load.latency.p95),
          unit: 'ms',
          rule: 'below',
          limit: 700,
          note:
            `${String(Math.round(load.rps))} req/s, p50 ${String(round(load.latency.p50))}, p99 ${String(round(load.latency.p99))} ms, ` +
            `${String(load.errors)} errors, ${String(Math.round((writes / Math.max(1, load.requests)) * 100))} % writes; ` +
            `CPU/req ms ${cpuPerRequest}; RSS ${String(rssBefore)} → ${String(rssAfter)} MiB; ` +
            `costliest: ${costliest
              .slice(0, 3)
              .map(([label, c]) => `${label} ${String(c.cpuMsPerRequest.server)} ms`)
              .join(', ')}`,
        }),
        details: {
          court: { people: court.people },
          mixed: describe(load),
          writeShare: round(writes / Math.max(1, load.requests)),
          cpuMs: cpu,
          rssMiB: { before: rssBefore, after: rssAfter },
          routeCost: Object.fromEntries(costliest),
        },
      };
    } finally {
      await server.stop();
    }
  } finally {
    await bench.dispose();
  }
}

export function runMixedBench(opts: MixedBenchOptions): Promise<BenchReport> {
  return runOnEachDatabase('mixed', { adminUrl: opts.adminUrl }, { mixed: (kind) => runOn(kind, opts) });
}

if (isMainModule(import.meta.url)) {
  printReport(await runMixedBench({ ...MIXED_DEFAULTS, adminUrl: process.env.BENCH_DATABASE_URL }));
}
