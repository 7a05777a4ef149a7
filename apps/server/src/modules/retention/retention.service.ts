/**
 * 个人信息保存期限: the court's periods (安全管理员, `retention.manage`) and the purge that removes
 * what is past them — daily by the server, and on demand by `npm run qizhi -- purge-expired`.
 */
import {
  AUDIT_LOG_RETENTION,
  RETENTION_KINDS,
  RETENTION_RULES,
  RETENTION_UNIT_LABELS,
  effectiveRetentionPeriods,
  formatRetentionPeriod,
  retentionCutoff,
  retentionCutoffDay,
  type RetentionKind,
  type RetentionSettings,
  type RetentionSettingsRequest,
} from '@qizhi/domain';
import type { TenantSettings } from '../../db/schema/index.ts';
import { writeAudit, type Actor } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './retention.repo.ts';

export type RetentionCounts = Record<RetentionKind, number>;

function cutoffsOf(settings: TenantSettings | null | undefined, now: Date): Record<RetentionKind, repo.Cutoff> {
  const periods = effectiveRetentionPeriods(settings?.retentionPeriods);
  const cutoffs = {} as Record<RetentionKind, repo.Cutoff>;
  for (const kind of RETENTION_KINDS) {
    const { unit } = RETENTION_RULES[kind];
    cutoffs[kind] = {
      instant: retentionCutoff(now, periods[kind], unit),
      day: retentionCutoffDay(now, periods[kind], unit),
    };
  }
  return cutoffs;
}

async function countAll(db: Db, tenantId: string, cutoffs: Record<RetentionKind, repo.Cutoff>) {
  const counts = {} as RetentionCounts;
  for (const kind of RETENTION_KINDS) counts[kind] = await repo.countExpired(db, kind, tenantId, cutoffs[kind]);
  return counts;
}

export async function readSettings(ctx: RequestContext, now = new Date()): Promise<RetentionSettings> {
  const court = await repo.findCourt(ctx.db, ctx.tenantId);
  if (!court) throw new AppError('UNAUTHENTICATED');
  const periods = effectiveRetentionPeriods(court.settings.retentionPeriods);
  const cutoffs = cutoffsOf(court.settings, now);
  const due = await countAll(ctx.db, ctx.tenantId, cutoffs);
  return {
    kinds: RETENTION_KINDS.map((kind) => {
      const rule = RETENTION_RULES[kind];
      return {
        kind,
        label: rule.label,
        description: rule.description,
        unit: rule.unit,
        unitLabel: RETENTION_UNIT_LABELS[rule.unit],
        period: periods[kind],
        defaultPeriod: rule.defaultPeriod,
        minimum: rule.minimum,
        maximum: rule.maximum,
        cutoff: cutoffs[kind].instant.toISOString(),
        due: due[kind],
      };
    }),
    auditLog: { ...AUDIT_LOG_RETENTION },
  };
}

/** Changes the given kinds' periods (the schema already refused any below its minimum), audited. */
export async function updateSettings(ctx: RequestContext, input: RetentionSettingsRequest): Promise<RetentionSettings> {
  const court = await repo.findCourt(ctx.db, ctx.tenantId);
  if (!court) throw new AppError('UNAUTHENTICATED');
  const given = Object.entries(input.periods).filter((e): e is [RetentionKind, number] => e[1] !== undefined);
  if (given.length === 0) throw validationFailed([{ path: 'periods', message: '请至少修改一项保存期限' }]);
  const before = effectiveRetentionPeriods(court.settings.retentionPeriods);
  const stored = { ...court.settings.retentionPeriods, ...Object.fromEntries(given) };
  const changed = given.filter(([kind, value]) => before[kind] !== value);
  await ctx.db.transaction(async (tx) => {
    await repo.writePeriods(tx, ctx.tenantId, stored);
    if (changed.length === 0) return;
    await writeAudit(tx, ctx.actor, {
      action: 'retention.settings_update',
      entity: 'tenant',
      entityId: ctx.tenantId,
      summary: `个人信息保存期限：${changed
        .map(
          ([kind, value]) =>
            `${RETENTION_RULES[kind].label} ${formatRetentionPeriod(kind, before[kind])} → ${formatRetentionPeriod(kind, value)}`,
        )
        .join('；')}`,
      before: Object.fromEntries(changed.map(([kind]) => [kind, before[kind]])),
      after: Object.fromEntries(changed),
    });
  });
  return readSettings(ctx);
}

export interface CourtPurge {
  tenantId: string;
  code: string;
  name: string;
  counts: RetentionCounts;
  cutoffs: Record<RetentionKind, string>;
}

/**
 * Removes, court by court, every row past its kind's period — in one transaction per court, with one
 * audit row counting what went per kind (none when nothing did, so a daily run leaves no noise).
 * `dryRun` counts the same rows and removes nothing. `dbFor` gives the handle of one court (on
 * PostgreSQL bound to it, so row-level security shows that court's rows only).
 */
export async function purgeExpired(
  db: Db,
  opts: { now?: Date; dryRun?: boolean; courtCode?: string; actorName: string; dbFor?: (tenantId: string) => Db },
): Promise<CourtPurge[]> {
  const now = opts.now ?? new Date();
  const courts = (await repo.findCourts(db)).filter((c) => !opts.courtCode || c.code === opts.courtCode);
  if (opts.courtCode && courts.length === 0) throw new AppError('NOT_FOUND', `没有代码为 ${opts.courtCode} 的法院`);
  const results: CourtPurge[] = [];
  for (const court of courts) {
    const courtDb = opts.dbFor?.(court.id) ?? db;
    const cutoffs = cutoffsOf(court.settings, now);
    const counts = opts.dryRun
      ? await countAll(courtDb, court.id, cutoffs)
      : await courtDb.transaction(async (tx) => {
          await repo.lockCourtPurge(tx, court.id);
          const removed = {} as RetentionCounts;
          for (const kind of RETENTION_KINDS)
            removed[kind] = await repo.deleteExpired(tx, kind, court.id, cutoffs[kind]);
          const total = RETENTION_KINDS.reduce((sum, kind) => sum + removed[kind], 0);
          if (total > 0) {
            const actor: Actor = { tenantId: court.id, userId: null, name: opts.actorName, ip: null };
            await writeAudit(tx, actor, {
              action: 'retention.purge',
              entity: 'tenant',
              entityId: court.id,
              summary: `清理超过保存期限的个人信息 ${String(total)} 条：${RETENTION_KINDS.filter((k) => removed[k] > 0)
                .map((k) => `${RETENTION_RULES[k].label} ${String(removed[k])} 条`)
                .join('，')}`,
              after: {
                removed,
                cutoffs: Object.fromEntries(RETENTION_KINDS.map((k) => [k, cutoffs[k].instant.toISOString()])),
              },
            });
          }
          return removed;
        });
    results.push({
      tenantId: court.id,
      code: court.code,
      name: court.name,
      counts,
      cutoffs: Object.fromEntries(RETENTION_KINDS.map((k) => [k, cutoffs[k].instant.toISOString()])) as Record<
        RetentionKind,
        string
      >,
    });
  }
  return results;
}
