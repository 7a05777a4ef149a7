import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { ROLES, type Permission, type RoleCodeValue } from '@qizhi/domain';
import { createTestContext, type Session } from '../test/harness.ts';
import { OTHER_COURT } from '../test/fixtures.ts';
import {
  ODD_QUERIES,
  SchemaArbitraries,
  asParam,
  encodeComponent,
  garbageBody,
  multipartBody,
  queryString,
  type IdPools,
  type JsonSchema,
  type MultipartBody,
  type Value,
} from '../test/fuzz-arbitraries.ts';
import { WEB_DIST } from './paths.ts';

/**
 * 接口模糊测试 (issue 11): every route of the route table, fed generated requests — valid-shaped bodies,
 * queries and path ids from its OpenAPI schemas with hostile content, edge and wrong-typed values,
 * missing and extra (prototype) keys, malformed JSON and multipart — as someone signed out, a 党员
 * and the officer who holds the route's permission (the 党务干事 wherever she does). The contract:
 * no request a user can send is answered 5xx; every 4xx is `{error:{code,message}}` in Chinese; a
 * full ID or mobile number reaches someone signed out or a 党员 only when they sent it themselves; and a
 * write that is refused or fails (any 4xx) leaves every table and the files on disk as it found them —
 * no partial write — but for the bookkeeping of the refusal itself (BOOKKEEPING, each with its reason).
 *
 * Deterministic: QIZHI_FUZZ_SEED (default below) seeds every route (mixed with the route's name);
 * QIZHI_FUZZ_RUNS requests per route and caller mix (CI: the default; a deep run 20× it);
 * QIZHI_FUZZ_ROUTES narrows to routes whose "METHOD /url" contains the text; QIZHI_FUZZ_SHRINK=1 lets
 * fast-check shrink a failure to its smallest request (slower; the app's data moves on meanwhile).
 * A failure names the seed, the replay path and the request.
 */
const RUNS = Number(process.env.QIZHI_FUZZ_RUNS ?? 8);
const SEED = Number(process.env.QIZHI_FUZZ_SEED ?? 20261201);
const ONLY = process.env.QIZHI_FUZZ_ROUTES;
const SHRINK = process.env.QIZHI_FUZZ_SHRINK === '1';

const setupStarted = Date.now();
const phases: string[] = [];
const phase = (name: string) => phases.push(`${name} ${((Date.now() - setupStarted) / 1000).toFixed(1)}`);
const ctx = await createTestContext();
phase('context');
afterAll(() => ctx.close());

type Caller = 'anonymous' | 'member' | 'officer';
const OFFICERS = ['clerk', 'secretary', 'leader', 'admin', 'secadmin', 'auditor'] as const;
type Officer = (typeof OFFICERS)[number];
const ROLE_OF: Record<Officer, RoleCodeValue> = {
  clerk: 'clerk',
  secretary: 'secretary',
  leader: 'leader',
  admin: 'sysadmin',
  secadmin: 'secadmin',
  auditor: 'auditor',
};

/** The officer who may call a route: the 党务干事 where she holds its permission, else who does. */
function officerFor(access: string | undefined): Officer {
  if (!access || access === 'public' || access === 'authenticated') return 'clerk';
  return OFFICERS.find((o) => ROLES[ROLE_OF[o]].permissions.includes(access as Permission)) ?? 'clerk';
}

interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  summary?: string;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface Plan {
  name: string;
  method: string;
  url: string;
  access: string | undefined;
  officer: Officer;
  pathParams: { name: string; schema: JsonSchema | undefined }[];
  query: JsonSchema | null;
  body: JsonSchema | null;
  multipart: boolean;
}

/** `/api/goals/:id/progress` → `/api/goals/{id}/progress`, as OpenAPI writes a path (a prefix's `/` dropped). */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/(.)\/$/, '$1');
}

/** The static head of a route before its first parameter: where its ids were listed. */
function prefixOf(url: string): string {
  return url.split('/:')[0]!.replace(/\/$/, '');
}

const doc = ctx.app.swagger() as unknown as OpenApiDocument;
const operations = new Map<string, OpenApiOperation>();
for (const [p, methods] of Object.entries(doc.paths))
  for (const [m, op] of Object.entries(methods)) operations.set(`${m.toUpperCase()} ${openApiPath(p)}`, op);

const webFiles = new Set<string>();
if (fs.existsSync(WEB_DIST))
  for (const f of fs.readdirSync(WEB_DIST, { recursive: true, withFileTypes: true }))
    if (f.isFile())
      webFiles.add(`/${path.relative(WEB_DIST, path.join(f.parentPath, f.name)).split(path.sep).join('/')}`);

/** Why a route is not fuzzed: nothing is left out but for one of these, and each is printed. */
const SKIP = {
  head: 'HEAD of a GET route: Fastify answers it with the GET handler, which is fuzzed',
  docs: 'the API documentation reader: @fastify/swagger-ui files and the document (api-docs.int.test.ts)',
  webFile: 'a built file of the web app (apps/web/dist), served by @fastify/static: none of our code runs',
} as const;
/** Every route not fuzzed, with its reason. */
const skipped: { route: string; reason: string }[] = [];
const plans: Plan[] = [];
for (const r of ctx.app.routeTable) {
  const name = `${r.method} ${r.url}`;
  if (r.method === 'HEAD') skipped.push({ route: name, reason: SKIP.head });
  else if (r.url.startsWith('/api/docs')) skipped.push({ route: name, reason: SKIP.docs });
  else if (webFiles.has(r.url) || webFiles.has(`${r.url}.gz`) || webFiles.has(`${r.url}.br`))
    skipped.push({ route: name, reason: SKIP.webFile });
  else {
    const op = operations.get(`${r.method} ${openApiPath(r.url)}`);
    const params = op?.parameters ?? [];
    const queryParams = params.filter((p) => p.in === 'query');
    const pathNames = [...r.url.matchAll(/:([A-Za-z0-9_]+)|\*/g)].map((m) => m[1] ?? '*');
    plans.push({
      name,
      method: r.method,
      url: r.url,
      access: r.access,
      officer: officerFor(r.access),
      pathParams: pathNames.map((n) => ({
        name: n,
        schema: params.find((p) => p.in === 'path' && p.name === n)?.schema,
      })),
      query: queryParams.length
        ? {
            type: 'object',
            properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema ?? { type: 'string' }])),
            required: queryParams.filter((p) => p.required).map((p) => p.name),
          }
        : null,
      body: op?.requestBody?.content?.['application/json']?.schema ?? null,
      multipart: /multipart/i.test(op?.summary ?? ''),
    });
  }
}

// ---- who calls: sessions that come back when a route ends them (sign-out) -------------------------
const sessions = new Map<string, Session>();
async function signIn(username: string): Promise<Session> {
  try {
    const s = await ctx.login(username);
    sessions.set(username, s);
    return s;
  } catch (error) {
    // A route can lock an account (wrong current passwords on the change-password route): unlock it.
    if (!String(error).includes('ACCOUNT_LOCKED')) throw error;
    const secadmin = sessions.get('secadmin') ?? (await ctx.login('secadmin'));
    const users = (await secadmin.request({ method: 'GET', url: '/api/users?pageSize=200' })).json<{
      items: { id: string; username: string }[];
    }>();
    const id = users.items.find((u) => u.username === username)?.id;
    await secadmin.request({ method: 'POST', url: `/api/users/${id ?? ''}/unlock` });
    return signIn(username);
  }
}
const callerNames = ['member', ...new Set(plans.map((p) => p.officer))];
for (const u of callerNames) await signIn(u);
phase('sign-in');

// ---- ids: this court's real records (by the list route that showed them) and the other court's ----
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The callers' own accounts and person records: a fuzzed write to them (roles, disable) would end the run. */
const protectedIds = new Set<string>();
for (const s of sessions.values()) {
  const me = (await s.request({ method: 'GET', url: '/api/auth/me' })).json<{
    user: { id: string; tenantId: string; personId: string | null };
  }>();
  protectedIds.add(me.user.id);
  if (me.user.personId) protectedIds.add(me.user.personId);
}

function collectIds(value: unknown, own: Set<string>, all: Set<string>, depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && UUID.test(v) && !protectedIds.has(v)) {
      all.add(v);
      if (k === 'id') own.add(v);
    } else collectIds(v, own, all, depth + 1);
  }
}

/** `depth` 1: list pages only; 2: also the page of the first record of each (its parts' ids). */
async function crawl(
  asOf: (p: Plan) => Session,
  depth: 1 | 2,
): Promise<{ all: string[]; byPrefix: Map<string, string[]> }> {
  const all = new Set<string>();
  const byPrefix = new Map<string, string[]>();
  const gets = plans.filter((p) => p.method === 'GET' && p.url.startsWith('/api/') && p.access !== 'public');
  const visit = async (p: Plan, url: string, prefix: string) => {
    const res = await asOf(p).request({ method: 'GET', url });
    if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('json')) return;
    const own = new Set<string>();
    collectIds(res.json(), own, all);
    byPrefix.set(prefix, [...new Set([...(byPrefix.get(prefix) ?? []), ...own])].slice(0, 60));
  };
  for (const p of gets.filter((g) => g.pathParams.length === 0)) await visit(p, p.url, p.url.replace(/\/$/, ''));
  // One level down: a record's page lists its parts (a meeting's agenda, a goal's reports).
  if (depth === 1) return { all: [...all], byPrefix };
  for (const p of gets.filter((g) => g.pathParams.length === 1 && g.pathParams[0]!.name === 'id')) {
    for (const id of (byPrefix.get(prefixOf(p.url)) ?? []).slice(0, 1))
      await visit(p, p.url.replace(':id', id), `${prefixOf(p.url)}/:id/${p.url.split('/:id/')[1] ?? ''}`);
  }
  return { all: [...all], byPrefix };
}

const ownCrawl = await crawl((p) => sessions.get(p.officer)!, 2);
phase('crawl');
const otherClerk = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
const otherCrawl = await crawl(() => otherClerk, 1);
const pools: IdPools = {
  own: ownCrawl.all,
  ownByPrefix: ownCrawl.byPrefix,
  other: otherCrawl.all.filter((id) => !ownCrawl.all.includes(id)),
};
const arbs = new SchemaArbitraries(doc.components?.schemas ?? {}, pools);
const clerk = sessions.get('clerk')!;
const sampleXlsx = (await clerk.request({ method: 'GET', url: '/api/members/import-template' })).rawPayload;
const setupSeconds = (Date.now() - setupStarted) / 1000;
phase('other court');
const fuzzStarted = Date.now();

// ---- what one request is, and how it is printed when it fails ------------------------------------
interface FuzzRequest {
  caller: Caller;
  method: string;
  url: string;
  contentType?: string;
  payload?: string | Buffer;
  /** What fast-check prints for a counterexample: the request, with long values cut. */
  [fc.toStringMethod]: () => string;
}

function cut(text: string, n = 300): string {
  return text.length > n ? `${text.slice(0, n)}…(${String(text.length)} chars)` : text;
}

function describeRequest(r: Omit<FuzzRequest, typeof fc.toStringMethod>): string {
  const body =
    r.payload === undefined
      ? ''
      : ` ${r.contentType ?? ''} ${cut(Buffer.isBuffer(r.payload) ? `<${String(r.payload.length)} bytes> ${JSON.stringify(r.payload.subarray(0, 200).toString('latin1'))}` : r.payload)}`;
  return `${r.caller} ${r.method} ${cut(r.url)}${body}`;
}

function pathValue(plan: Plan, param: { name: string; schema: JsonSchema | undefined }): fc.Arbitrary<string> {
  const prefix = prefixOf(plan.url);
  const schema = param.schema ? arbs.resolve(param.schema) : undefined;
  if (schema?.format === 'uuid' || (!schema && /id$/i.test(param.name)))
    return arbs.id(param.name === 'id' ? prefix : undefined);
  if (param.name === '*')
    return fc.constantFrom('', 'a', '法院/页面', '..%2F..%2Fetc%2Fpasswd', 'index.html', 'api/x', '%00', '%E4');
  const valid = schema ? arbs.valid(schema) : fc.oneof(fc.uuid(), arbs.valid({ type: 'string', maxLength: 64 }));
  return fc.oneof(
    { weight: 3, arbitrary: valid.map((v) => String(asParam(v) ?? '')) },
    { weight: 1, arbitrary: arbs.id() },
  );
}

function requestArb(plan: Plan): fc.Arbitrary<FuzzRequest> {
  const caller: fc.Arbitrary<Caller> =
    plan.access === 'public'
      ? fc.constantFrom('anonymous', 'member', 'officer')
      : fc.oneof(
          { weight: 1, arbitrary: fc.constant('anonymous' as const) },
          { weight: 2, arbitrary: fc.constant('member' as const) },
          { weight: 5, arbitrary: fc.constant('officer' as const) },
        );
  const pathArb = fc.tuple(...plan.pathParams.map((p) => pathValue(plan, p))).map((values) => {
    let i = 0;
    return plan.url.replace(/:([A-Za-z0-9_]+)|\*/g, () => {
      const v = values[i++] ?? '';
      // The wildcard takes a path as it is; a parameter is one encoded segment.
      return plan.pathParams[i - 1]?.name === '*' ? v : encodeComponent(v);
    });
  });
  const queryObject: fc.Arbitrary<Record<string, Value> | null> = plan.query
    ? fc.oneof(
        { weight: 3, arbitrary: arbs.valid(plan.query) as fc.Arbitrary<Record<string, Value>> },
        { weight: 2, arbitrary: arbs.mutatedObject(plan.query) },
      )
    : fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.dictionary(
            fc.constantFrom('page', 'search', 'id', '__proto__', 'q'),
            fc.string({ maxLength: 8 }),
            { maxKeys: 2 },
          ),
        },
      );
  const queryArb = fc.tuple(queryObject, fc.option(fc.constantFrom(...ODD_QUERIES), { freq: 6 })).map(([q, odd]) => {
    const parts = [q ? queryString(Object.entries(q).map(([k, v]) => [k, asParam(v)])) : '', odd ?? ''].filter(Boolean);
    return parts.length ? `?${parts.join('&')}` : '';
  });
  type Body = { payload: string | Buffer; contentType: string } | null;
  let bodyArb: fc.Arbitrary<Body>;
  if (plan.multipart)
    bodyArb = multipartBody(sampleXlsx).map((m: MultipartBody) => ({ payload: m.payload, contentType: m.contentType }));
  else if (plan.body) {
    const json = (a: fc.Arbitrary<Value>) =>
      a.map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' }));
    bodyArb = fc.oneof(
      { weight: 5, arbitrary: json(arbs.valid(plan.body)) },
      { weight: 4, arbitrary: json(arbs.mutatedObject(plan.body)) },
      { weight: 1, arbitrary: garbageBody() },
    );
  } else if (plan.method === 'GET') bodyArb = fc.constant(null);
  else bodyArb = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: garbageBody() });
  return fc
    .record({ caller, path: pathArb, query: queryArb, body: bodyArb })
    .map(({ caller: who, path: p, query, body }) => {
      const r = {
        caller: who,
        method: plan.method,
        url: `${p}${query}`,
        ...(body ? { payload: body.payload, contentType: body.contentType } : {}),
      };
      return { ...r, [fc.toStringMethod]: () => describeRequest(r) };
    });
}

// ---- no partial write: what a refused write may change, and a count of every other row written ----
/**
 * A refused request records the refusal and touches the caller's session; nothing else may move. A
 * table with `columns` may have only those changed; with none, it may change at will.
 */
const BOOKKEEPING: Record<string, { columns?: string[]; why: string }> = {
  audit_log: { why: 'refusals are security events, audited (issue 11 item 7)' },
  sessions: { why: 'every request renews its session' },
  notification_outbox: {
    columns: ['status', 'attempts', 'next_attempt_at', 'claimed_until', 'last_error', 'sent_at'],
    why: 'the sender delivers queued messages on its own timer, whatever request is in flight',
  },
  users: {
    columns: ['failed_attempts', 'locked_until'],
    why: 'a wrong password or second-factor code counts towards the lockout (issue 11 item 8)',
  },
};

/**
 * Test instrumentation on this test's own database (as its owner): a row trigger on every table
 * counts the rows each committed transaction inserted, deleted or really changed, in `fuzz_writes`. A
 * rolled-back write rolls its count back with it, so a moved count after a refusal is a write that
 * stayed — a partial write. Reading one small table per request keeps the check cheap on a full court.
 */
const watchedTables = (
  (await ctx.database.db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
  )) as { rows: { name: string }[] }
).rows
  .map((r) => r.name)
  .filter((t) => !BOOKKEEPING[t] || BOOKKEEPING[t].columns);
for (const statement of [
  'create table fuzz_writes (table_name text primary key, n bigint not null)',
  `create function fuzz_count_write() returns trigger language plpgsql security definer set search_path from current as $$
    declare
      ignored text[] := coalesce(TG_ARGV, '{}');
    begin
      if TG_OP = 'UPDATE' and (to_jsonb(NEW) - ignored) = (to_jsonb(OLD) - ignored) then return null; end if;
      insert into fuzz_writes values (TG_TABLE_NAME, 1) on conflict (table_name) do update set n = fuzz_writes.n + 1;
      return null;
    end $$`,
  ...watchedTables.map((t) => {
    const args = (BOOKKEEPING[t]?.columns ?? []).map((c) => `'${c}'`).join(', ');
    return `create trigger fuzz_count_write after insert or update or delete on "${t}" for each row execute function fuzz_count_write(${args})`;
  }),
])
  await ctx.database.db.execute(sql.raw(statement));

function filesOnDisk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => {
      const full = path.join(f.parentPath, f.name);
      return `${path.relative(dir, full)}:${String(fs.statSync(full).size)}`;
    })
    .sort();
}

async function fingerprint(): Promise<Map<string, string>> {
  const result = (await ctx.database.db.execute<{ name: string; n: string }>(
    sql`select table_name as name, n::text from fuzz_writes`,
  )) as {
    rows: { name: string; n: string }[];
  };
  const prints = new Map(result.rows.map((r) => [r.name, r.n]));
  prints.set('files on disk', filesOnDisk(ctx.dataDir).join(','));
  return prints;
}

let writesChecked = 0;
/** 2xx writes whose rows the counter saw: proof that it sees the app's writes (under row-level security on PostgreSQL). */
let committedWritesSeen = 0;

// ---- sending and judging -------------------------------------------------------------------------
let sent = 0;
const statusCounts = new Map<number, number>();
const CJK = /[\u3400-\u9fff]/;
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;

/** Set when a request had to sign its caller in again: the sign-in's own writes are not the request's. */
let signedInAgain = false;

async function send(plan: Plan, r: FuzzRequest): Promise<LightMyRequestResponse> {
  const opts: InjectOptions = {
    method: r.method,
    url: r.url,
    ...(r.payload !== undefined
      ? { payload: r.payload, headers: { 'content-type': r.contentType ?? 'application/json' } }
      : {}),
  };
  sent++;
  if (r.caller === 'anonymous') return ctx.app.inject(opts);
  const username = r.caller === 'member' ? 'member' : plan.officer;
  const res = await sessions.get(username)!.request(opts);
  if (res.statusCode !== 401) return res;
  // A route that ends the session (sign-out) ends it for the next request too: sign in again and resend.
  const alive = await sessions.get(username)!.request({ method: 'GET', url: '/api/auth/me' });
  if (alive.statusCode === 200) return res;
  await signIn(username);
  signedInAgain = true;
  sent++;
  return sessions.get(username)!.request(opts);
}

/** Routes that answered some request 2xx: the fuzz got past validation and permission into the service. */
const reached = new Set<string>();

function judge(plan: Plan, r: FuzzRequest, res: LightMyRequestResponse): void {
  statusCounts.set(res.statusCode, (statusCounts.get(res.statusCode) ?? 0) + 1);
  if (res.statusCode < 300) reached.add(plan.name);
  const said = `${res.statusCode} ${cut(res.body, 500)}`;
  if (res.statusCode >= 500) throw new Error(`5xx: ${said}`);
  const isJson = String(res.headers['content-type'] ?? '').includes('application/json');
  if (res.statusCode >= 400 && (plan.url.startsWith('/api/') || isJson)) {
    let error: { code?: unknown; message?: unknown } | undefined;
    try {
      error = res.json<{ error?: { code?: unknown; message?: unknown } }>().error;
    } catch {
      throw new Error(`a ${String(res.statusCode)} that is not JSON: ${said}`);
    }
    if (typeof error?.code !== 'string' || typeof error.message !== 'string')
      throw new Error(`a ${String(res.statusCode)} without {error:{code,message}}: ${said}`);
    if (!CJK.test(error.message)) throw new Error(`a ${String(res.statusCode)} whose message is not Chinese: ${said}`);
  }
  // Full personal numbers: never to someone signed out or a 党员, unless they sent the number themselves.
  if (r.caller !== 'officer' && res.statusCode < 400) {
    const sentText = `${r.url} ${Buffer.isBuffer(r.payload) ? '' : (r.payload ?? '')}`;
    const body = res.body;
    for (const m of [...body.matchAll(ID_NUMBER), ...body.matchAll(MOBILE)])
      if (!sentText.includes(m[0]) && !decodeURIComponentSafe(sentText).includes(m[0]))
        throw new Error(`a full personal number (${m[0].slice(0, 3)}…) in the answer to ${r.caller}: ${said}`);
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A per-route seed from the run's seed and the route's name, so routes replay one by one. */
function seedOf(name: string): number {
  let h = SEED | 0;
  for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

describe(`every route, fuzzed (seed ${String(SEED)}, ${String(RUNS)} requests a route)`, () => {
  it('fuzzes every route but the listed ones, each for a stated reason', () => {
    expect(plans.length).toBeGreaterThan(200);
    // Every /api route the documentation lists is fuzzed (the reader's own routes aside).
    for (const [key] of operations) {
      const [method, p] = key.split(' ') as [string, string];
      expect(
        plans.some((pl) => pl.method === method && openApiPath(pl.url) === p),
        key,
      ).toBe(true);
    }
    // Fuzzing reaches the records: ids of this court and of the other one were found to aim at.
    expect(pools.own.length).toBeGreaterThan(100);
    expect(pools.other.length).toBeGreaterThan(100);
    // The upload routes get multipart bodies, malformed ones too.
    expect(new Set(plans.filter((p) => p.multipart).map((p) => p.name.replace(/\/$/, '')))).toEqual(
      new Set(['POST /api/files', 'POST /api/members/import']),
    );
  });

  it('counts the rows a transaction commits, and none that it rolled back', async () => {
    const start = await fingerprint();
    await expect(
      ctx.database.db.transaction(async (tx) => {
        await tx.execute(sql`update departments set name = name || '·'`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await fingerprint()).toEqual(start);
    await ctx.database.db.execute(sql`update departments set name = name`);
    expect(await fingerprint(), 'an update that changes nothing is no write').toEqual(start);
    await ctx.database.db.execute(sql`update departments set sort_order = sort_order + 1`);
    await ctx.database.db.execute(sql`update departments set sort_order = sort_order - 1`);
    const end = await fingerprint();
    expect(Number(end.get('departments'))).toBeGreaterThan(Number(start.get('departments') ?? 0));
  });

  for (const plan of plans.filter((p) => !ONLY || p.name.includes(ONLY))) {
    it(plan.name, { timeout: 60_000 + RUNS * 3_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(requestArb(plan), async (r) => {
          const before = plan.method === 'GET' ? null : await fingerprint();
          signedInAgain = false;
          const res = await send(plan, r);
          judge(plan, r, res);
          if (before && !signedInAgain) {
            const after = await fingerprint();
            const moved = [...after.keys()].filter((t) => after.get(t) !== before.get(t));
            if (res.statusCode < 300 && moved.length) committedWritesSeen++;
            if (res.statusCode < 400) return;
            writesChecked++;
            if (moved.length)
              throw new Error(
                `a refused write (${String(res.statusCode)} ${cut(res.body, 300)}) changed ${moved.join(', ')}`,
              );
          }
        }),
        { seed: seedOf(plan.name), numRuns: RUNS, endOnFailure: !SHRINK },
      );
    });
  }

  it('saw the rows of the writes the app accepted', () => {
    if (!ONLY) expect(committedWritesSeen).toBeGreaterThan(10);
  });

  afterAll(() => {
    const statuses = [...statusCounts.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${String(s)}×${String(n)}`);
    const seconds = (Date.now() - fuzzStarted) / 1000;
    const groups = Object.values(SKIP).map((reason) => {
      const routes = skipped.filter((s) => s.reason === reason).map((s) => s.route);
      // The HEAD twins and the web app's files are many and mechanical: counted; the rest listed.
      const shown = reason === SKIP.docs ? `: ${routes.join(', ')}` : '';
      return `  ${String(routes.length)} × ${reason}${shown}`;
    });
    console.log(
      `fuzz: ${String(sent)} requests over ${String(plans.length)} routes in ${seconds.toFixed(1)} s (setup ${setupSeconds.toFixed(1)} s [${phases.join(', ')}]: ` +
        `${String(pools.own.length)} ids of this court, ${String(pools.other.length)} of the other), seed ${String(SEED)}, ${String(RUNS)} a route; ` +
        `statuses ${statuses.join(' ')}; ${String(reached.size)} routes answered 2xx at least once; ` +
        `${String(committedWritesSeen)} accepted writes counted, ${String(writesChecked)} refused writes left ${String(watchedTables.length)} tables and the files on disk as they were\n` +
        (process.env.QIZHI_FUZZ_VERBOSE === '1'
          ? `fuzz: never 2xx: ${plans
              .filter((p) => !reached.has(p.name))
              .map((p) => p.name)
              .join(', ')}\n`
          : '') +
        `fuzz: not fuzzed (${String(skipped.length)}):\n${groups.join('\n')}`,
    );
  });
});
