/**
 * The in-process sender: every few seconds (and at once when something is queued) it delivers what
 * is due; every hour it turns the court's reminders into messages. It runs beside the requests and
 * never inside one, so a slow or unreachable robot or mail server delays nothing a user does.
 */
import { courtInstant, courtToday, inCourtZone } from '@qizhi/domain';
import { tenants } from '../../db/schema/index.ts';
import type { Database, Db } from '../../platform/db.ts';
import { developmentReminders } from '../development/index.ts';
import { arrearsReminders } from '../dues/index.ts';
import { transferReminders } from '../transfers/index.ts';
import { meetingReminder, taskReminder } from './messages.ts';
import { deliverDue, onQueued, queueMessage } from './outbox.ts';
import * as repo from './notifications.repo.ts';

const DAY = 86_400_000;

/**
 * Reminders for the courts that send anywhere: a notified meeting starting within a day, a
 * follow-up task due today or tomorrow or overdue since yesterday, dues arrears at 3/5/6 months,
 * development deadlines and transfer receipts past the letter's validity (issue 14). Each is queued once (its key).
 */
export async function queueReminders(db: Db, now = new Date(), onlyTenantId?: string): Promise<number> {
  let queued = 0;
  const today = courtToday(now);
  const day = (n: number) => inCourtZone(courtInstant(today)).add(n, 'day').format('YYYY-MM-DD');
  const courts = await repo.findTenantsWithChannels(db);
  for (const tenantId of onlyTenantId ? courts.filter((id) => id === onlyTenantId) : courts) {
    for (const m of await repo.findMeetingsStarting(db, tenantId, now, new Date(now.getTime() + DAY)))
      queued += await queueMessage(
        db,
        tenantId,
        meetingReminder({ ...m, attendees: m.attendeeIds.map((personId) => ({ personId })) }),
      );
    for (const t of await repo.findOpenTasksDueOn(db, tenantId, [day(-1), today, day(1)]))
      queued += await queueMessage(db, tenantId, taskReminder(t, today));
    for (const r of await arrearsReminders(db, tenantId, now)) queued += await queueMessage(db, tenantId, r);
    for (const r of await developmentReminders(db, tenantId, now)) queued += await queueMessage(db, tenantId, r);
    for (const r of await transferReminders(db, tenantId, now)) queued += await queueMessage(db, tenantId, r);
  }
  return queued;
}

interface Log {
  error: (obj: unknown, msg: string) => void;
}

export interface Worker {
  stop(): Promise<void>;
}

export function startWorker(
  database: Database,
  opts: { publicUrl?: string; log: Log; tickMs?: number; reminderEveryMs?: number },
): Worker {
  const tickMs = opts.tickMs ?? 5_000;
  const reminderEveryMs = opts.reminderEveryMs ?? 3_600_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let nextReminders = Date.now() + 10_000;

  const pass = async () => {
    try {
      const reminders = Date.now() >= nextReminders;
      if (reminders) nextReminders = Date.now() + reminderEveryMs;
      // Court by court, each on its own handle: under row-level security (migration 0028) an
      // unbound connection sees no court's outbox.
      for (const { id } of await database.db.select({ id: tenants.id }).from(tenants)) {
        const db = database.forTenant(id);
        if (reminders) await queueReminders(db, new Date(), id);
        while ((await deliverDue(db, { publicUrl: opts.publicUrl, tenantId: id })) > 0 && !stopped) {
          // Keep going while a full batch came back.
        }
      }
    } catch (err) {
      opts.log.error({ err }, '消息发送出错，稍后重试');
    }
  };
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = pass().finally(() => {
      running = undefined;
      if (stopped) return;
      if (again) {
        again = false;
        run();
      } else timer = setTimeout(run, tickMs);
    });
  };
  const unsubscribe = onQueued(run);
  timer = setTimeout(run, tickMs);
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      await running;
    },
  };
}
