/**
 * The demo court's party dues and development pipeline (issue 14): every member's dues base from
 * January 2024 (some raised in July 2026), payments from January 2026 up to the month before the
 * seed runs (the sheet stays current however long after DEMO_AS_OF the demo is made), with two
 * members falling behind (3 and 5 months by that month), and the applicant and the activist of the
 * roster on their way in. Deterministic for a given month: the same rows on every seed.
 */
import { addMonthsToMonth, computeMonthlyDues, courtToday, monthsBetween, type DuesCategory } from '@qizhi/domain';
import { developmentAssessments, developmentSteps, duesBases, duesPayments } from '../db/schema/index.ts';
import type { Db } from '../platform/db.ts';
import type { DemoSeedContext } from './demo-goals.ts';
import { createDemoDraw } from './demo-random.ts';

/** The last month the demo's members paid: the month before today (never before October 2026, the demo's first sheet). */
export function demoLastPaidMonth(today = courtToday()): string {
  const previous = addMonthsToMonth(today.slice(0, 7), -1);
  return previous > '2026-10' ? previous : '2026-10';
}
const CHANNELS = ['wechat', 'payroll', 'cash', 'transfer'] as const;

export async function seedDemoDues(
  tx: Db,
  ctx: Pick<DemoSeedContext, 'tenantId' | 'court' | 'personIds'>,
): Promise<void> {
  const { tenantId, court, personIds } = ctx;
  const draw = createDemoDraw(0x44554553); // "DUES"
  const members = court.people.filter((p) => p.status === 'full' || p.status === 'probationary');
  const memberKey = court.accounts.find((a) => a.username === 'member')?.personKey;
  const bases: (typeof duesBases.$inferInsert)[] = [];
  const payments: (typeof duesPayments.$inferInsert)[] = [];
  let behind = 0;
  const lastPaid = demoLastPaidMonth();
  for (const p of members) {
    const personId = personIds.get(p.key)!;
    const category: DuesCategory = p.retired ? 'retired' : 'in_service';
    const yuan = p.retired ? draw.int(3000, 6500) : draw.int(2600, 11500);
    const baseFen = yuan * 100 + draw.int(0, 99);
    const start = p.status === 'probationary' && p.joinedOn ? p.joinedOn.slice(0, 7) : '2024-01';
    bases.push({ tenantId, personId, category, baseFen, fromMonth: start, recordedByName: '党务干事' });
    const raised = !p.retired && start < '2026-07' && draw.chance(0.25);
    if (raised)
      bases.push({
        tenantId,
        personId,
        category,
        baseFen: baseFen + 50_000,
        fromMonth: '2026-07',
        recordedByName: '党务干事',
      });
    // Two members fall behind: one stops 3 months before the last paid month, one 5 months before.
    let stop = lastPaid;
    if (p.key !== memberKey && !p.retired && p.status === 'full' && behind < 2 && draw.chance(0.2)) {
      stop = addMonthsToMonth(lastPaid, behind === 0 ? -3 : -5);
      behind++;
    }
    const channel = draw.pick(CHANNELS);
    const first = start > '2026-01' ? start : '2026-01';
    for (const month of monthsBetween(first, stop)) {
      const base = raised && month >= '2026-07' ? baseFen + 50_000 : baseFen;
      payments.push({
        tenantId,
        personId,
        month,
        amountFen: computeMonthlyDues(category, base).amountFen,
        extraFen: month === '2026-07' && draw.chance(0.1) ? 10_000 : 0,
        paidOn: `${month}-${String(draw.int(5, 20)).padStart(2, '0')}`,
        channel,
        batchId: crypto.randomUUID(),
        collectedByName: '党务干事',
      });
    }
  }
  await tx.insert(duesBases).values(bases);
  await tx.insert(duesPayments).values(payments);

  // The pipeline: the applicant talked to, the activist a year and a half in with two assessments.
  const applicant = court.people.find((p) => p.status === 'applicant');
  const activist = court.people.find((p) => p.status === 'activist');
  const steps: (typeof developmentSteps.$inferInsert)[] = [];
  const step = (key: string, n: number, on: string, who: string) =>
    steps.push({ tenantId, personId: personIds.get(key)!, step: n, doneOn: on, who, recordedByName: '党务干事' });
  if (applicant) {
    step(applicant.key, 1, '2026-09-10', applicant.name);
    step(applicant.key, 2, '2026-09-28', '支部书记');
  }
  if (activist) {
    step(activist.key, 1, '2025-03-03', activist.name);
    step(activist.key, 2, '2025-03-20', '支部书记');
    step(activist.key, 3, '2025-06-16', '支部委员会');
    step(activist.key, 4, '2025-06-25', '机关党委');
    step(activist.key, 5, '2025-07-01', '支部委员会');
    await tx.insert(developmentAssessments).values([
      {
        tenantId,
        personId: personIds.get(activist.key)!,
        doneOn: '2025-12-15',
        result: '学习认真，表现良好',
        who: '培养联系人',
      },
      {
        tenantId,
        personId: personIds.get(activist.key)!,
        doneOn: '2026-06-15',
        result: '积极参加支部活动，业务突出',
        who: '培养联系人',
      },
    ]);
  }
  if (steps.length > 0) await tx.insert(developmentSteps).values(steps);
}
