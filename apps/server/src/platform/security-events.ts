/**
 * Security events (issue 11, item 7): permission and CSRF refusals, rate-limit refusals, probes of
 * ids that are not the caller's (another court's in particular), failed sign-ins under unknown
 * usernames, file downloads. They go to the audit log — its hash chain protects them like every other
 * row and the 审计管理员 reads them on the audit page — but through a limiter first, because a flood
 * of refused requests must neither fill the disk nor queue every request behind the chain's lock:
 *
 * - per court, address and kind, at most `perKeyPerMinute` rows a minute; the rest are counted in
 *   memory and written as one `security.suppressed` row with the count when the minute is over;
 * - at most `GLOBAL_PER_MINUTE` rows a minute for the whole process, whatever the addresses;
 * - rows are written after the answer, never awaited by the request;
 * - past `alertThreshold` events (suppressed ones included) of a court within `ALERT_WINDOW_MINUTES`,
 *   one `security.alert` row and a message to the court's notification channels (once per window).
 *
 * An event without a court (a sign-in under a username that names no account, a refused anonymous
 * request) belongs to the host court: QIZHI_SECURITY_COURT, else the first court created.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { auditActionLabel, type AuditAction, type AuditEntity } from '@qizhi/domain';
import { tenants } from '../db/schema/index.ts';
import { writeAudit } from './audit.ts';
import type { Database } from './db.ts';

export const GLOBAL_PER_MINUTE = 600;
export const ALERT_WINDOW_MINUTES = 10;
const MAX_KEYS = 10_000;

export interface SecurityEvent {
  /** null: no court known (attributed to the host court). */
  tenantId: string | null;
  userId: string | null;
  name: string | null;
  ip: string;
  action: AuditAction;
  summary: string;
  entity?: AuditEntity;
  entityId?: string;
  after?: unknown;
}

export interface SecurityEventOptions {
  perKeyPerMinute: number;
  alertThreshold: number;
  /** A court code (QIZHI_SECURITY_COURT) for events without a court. */
  hostCourtCode: string | undefined;
  /** Called once per court and window when the threshold is passed; must not throw. */
  onAlert?: (tenantId: string, count: number) => Promise<void>;
  log?: { warn: (obj: unknown, msg: string) => void };
  now?: () => number;
}

interface Bucket {
  minute: number;
  written: number;
  suppressed: number;
  sample: SecurityEvent & { tenantId: string };
}

export interface SecurityEvents {
  /**
   * Records an event (never throws, never waits for the database). `refine`, when given, runs only for
   * an event that will be written, to look up what costs a query (whether an id is another court's).
   */
  record(
    event: SecurityEvent,
    refine?: (e: SecurityEvent & { tenantId: string }) => Promise<Partial<SecurityEvent>>,
  ): void;
  /** Writes the counts of what was suppressed so far, without waiting for the minute to end. */
  flush(): Promise<void>;
  /** Waits until everything recorded so far is in the database (tests, shutdown). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export function createSecurityEvents(database: Database, opts: SecurityEventOptions): SecurityEvents {
  const now = opts.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  const pending = new Set<Promise<unknown>>();
  let globalMinute = -1;
  let globalWritten = 0;
  const recent = new Map<string, { minute: number; count: number }[]>();
  const lastAlert = new Map<string, number>();
  let hostCourt: Promise<string | null> | undefined;

  const track = (p: Promise<unknown>) => {
    const guarded = p.catch((err: unknown) => opts.log?.warn({ err }, '安全事件未能写入审计日志'));
    pending.add(guarded);
    void guarded.finally(() => pending.delete(guarded));
  };

  const courtOf = async (tenantId: string | null): Promise<string | null> => {
    if (tenantId) return tenantId;
    hostCourt ??= findHostCourt(database, opts.hostCourtCode).catch(() => {
      hostCourt = undefined;
      return null;
    });
    return hostCourt;
  };

  const write = (event: SecurityEvent & { tenantId: string }) =>
    writeAudit(
      database.forTenant(event.tenantId),
      { tenantId: event.tenantId, userId: event.userId, name: event.name?.slice(0, 64) ?? null, ip: event.ip },
      {
        action: event.action,
        summary: event.summary.slice(0, 500),
        ...(event.entity ? { entity: event.entity } : {}),
        ...(event.entityId ? { entityId: event.entityId } : {}),
        ...(event.after === undefined ? {} : { after: event.after }),
      },
    );

  const writeSuppressed = (b: Bucket) => {
    if (b.suppressed === 0) return;
    const { sample } = b;
    const count = b.suppressed;
    b.suppressed = 0;
    track(
      write({
        ...sample,
        action: 'security.suppressed',
        summary: `同一来源（${sample.ip}）1分钟内另有${String(count)}次“${auditActionLabel(sample.action)}”未逐条记录`,
        after: { action: sample.action, count, minute: new Date(b.minute * 60_000).toISOString() },
      }),
    );
  };

  const countForAlert = (tenantId: string, minute: number) => {
    if (opts.alertThreshold <= 0) return;
    const list = (recent.get(tenantId) ?? []).filter((m) => m.minute > minute - ALERT_WINDOW_MINUTES);
    const last = list.at(-1);
    if (last?.minute === minute) last.count += 1;
    else list.push({ minute, count: 1 });
    recent.set(tenantId, list);
    const total = list.reduce((n, m) => n + m.count, 0);
    const alertedAt = lastAlert.get(tenantId);
    if (total < opts.alertThreshold || (alertedAt !== undefined && minute - alertedAt < ALERT_WINDOW_MINUTES)) return;
    lastAlert.set(tenantId, minute);
    track(
      write({
        tenantId,
        userId: null,
        name: null,
        ip: '-',
        action: 'security.alert',
        summary: `安全告警：${String(ALERT_WINDOW_MINUTES)}分钟内发生${String(total)}次安全事件（阈值${String(opts.alertThreshold)}），请安全管理员核查`,
        after: { count: total, windowMinutes: ALERT_WINDOW_MINUTES, threshold: opts.alertThreshold },
      }),
    );
    if (opts.onAlert) track(opts.onAlert(tenantId, total));
  };

  const admit = async (
    event: SecurityEvent,
    refine?: (e: SecurityEvent & { tenantId: string }) => Promise<Partial<SecurityEvent>>,
  ) => {
    const tenantId = await courtOf(event.tenantId);
    if (!tenantId) return;
    const e = { ...event, tenantId };
    const minute = Math.floor(now() / 60_000);
    if (e.action !== 'file.download') countForAlert(tenantId, minute);
    const key = `${tenantId}|${e.ip}|${e.action}`;
    let bucket = buckets.get(key);
    if (bucket && bucket.minute !== minute) {
      writeSuppressed(bucket);
      bucket = undefined;
    }
    if (!bucket) {
      if (buckets.size >= MAX_KEYS) sweep(Number.POSITIVE_INFINITY);
      bucket = { minute, written: 0, suppressed: 0, sample: e };
      buckets.set(key, bucket);
    }
    if (globalMinute !== minute) {
      globalMinute = minute;
      globalWritten = 0;
    }
    if (bucket.written >= opts.perKeyPerMinute || globalWritten >= GLOBAL_PER_MINUTE) {
      bucket.suppressed += 1;
      return;
    }
    bucket.written += 1;
    globalWritten += 1;
    await write(refine ? { ...e, ...(await refine(e)), tenantId } : e);
  };

  /** Writes and forgets the buckets of minutes before `beforeMinute`. */
  const sweep = (beforeMinute: number) => {
    for (const [key, b] of buckets) {
      if (b.minute < beforeMinute) {
        writeSuppressed(b);
        buckets.delete(key);
      }
    }
  };

  const timer = setInterval(() => sweep(Math.floor(now() / 60_000)), 60_000);
  timer.unref();

  const settled = async () => {
    while (pending.size > 0) await Promise.all([...pending]);
  };

  return {
    record(event, refine) {
      track(admit(event, refine));
    },
    async flush() {
      await settled();
      for (const b of buckets.values()) writeSuppressed(b);
      await settled();
    },
    settled,
    async close() {
      clearInterval(timer);
      await settled();
      sweep(Number.POSITIVE_INFINITY);
      await settled();
    },
  };
}

async function findHostCourt(database: Database, code: string | undefined): Promise<string | null> {
  const [row] = await database.db
    .select({ id: tenants.id })
    .from(tenants)
    .where(code ? eq(tenants.code, code) : sql`true`)
    .orderBy(asc(tenants.createdAt), asc(tenants.id))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Whether any of `ids` is a record of another court: a 404 for an id that another court holds is a
 * cross-court probe. The ids of the tables that appear in URLs are looked up, by primary key per
 * court, by migration 0028's function, which answers yes or no whatever court the caller is bound to.
 */
export async function belongsToAnotherCourt(
  database: Database,
  tenantId: string,
  ids: readonly string[],
): Promise<boolean> {
  if (ids.length === 0) return false;
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  // PGlite and node-postgres both answer `{ rows }`.
  const raw: unknown = await database
    .forTenant(tenantId)
    .execute(sql`select qizhi_other_court_holds(${tenantId}::uuid, array[${list}]) as found`);
  const result = raw as { rows: { found?: unknown }[] };
  return result.rows[0]?.found === true;
}
