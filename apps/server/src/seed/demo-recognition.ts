import { computeLeafProgress, suggestGrade, weightedProgress, type AssessmentGrade } from '@qizhi/domain';
import { assessments, honours, sanctions } from '../db/schema/index.ts';
import type { Db } from '../platform/db.ts';
import { DEMO_GOAL_YEAR, planDemoGoals } from './demo-goals.data.ts';
import type { DemoActors, DemoSeedContext } from './demo-goals.ts';
import { createDemoDraw, demoInstant } from './demo-random.ts';
import {
  COLLECTIVE_RECIPIENTS,
  COLLECTIVE_TEMPLATES,
  INDIVIDUAL_TEMPLATES,
  MECHANISM_AWARD,
  SANCTION_TEMPLATES,
} from './demo-recognition.data.ts';

const COLLECTIVE_COUNT = 72;
const INDIVIDUAL_COUNT = 34;
/** Individual honours name at least this many different people. */
const DISTINCT_HONOURED = 31;
const REMARKS: Record<AssessmentGrade, string> = {
  excellent: '目标任务完成出色，发挥了先锋模范作用',
  good: '较好完成目标任务，工作积极主动',
  fair: '基本完成目标任务，部分工作进度偏慢',
  poor: '目标任务完成较差，需加强督促',
};

/** Honours (70+ collective, 30+ individual), rewards and penalties, and Q1–Q3 assessments. */
export async function seedDemoRecognition(
  tx: Db,
  ctx: DemoSeedContext,
  actors: DemoActors,
  goalIds: Map<string, string>,
): Promise<void> {
  const { tenantId } = ctx;
  const draw = createDemoDraw(0x484f4e52); // "HONR"
  const day = (year: number) =>
    `${String(year)}-${String(draw.int(1, 12)).padStart(2, '0')}-${String(draw.int(1, 28)).padStart(2, '0')}`;

  const honourRows: (typeof honours.$inferInsert)[] = [{ tenantId, kind: 'collective', ...MECHANISM_AWARD }];
  const taken = new Set<string>([`${MECHANISM_AWARD.title}|2013`]);
  while (honourRows.length < COLLECTIVE_COUNT) {
    const t = draw.pick(COLLECTIVE_TEMPLATES);
    const year = draw.int(2006, 2025);
    const recipientName = t.title.includes('人民法庭')
      ? draw.pick(['府城人民法庭', '和川人民法庭', '良马人民法庭'])
      : draw.pick(COLLECTIVE_RECIPIENTS);
    const key = `${t.title}|${recipientName}|${String(year)}`;
    if (taken.has(key) || (t.level === 'national' && taken.has('national'))) continue;
    taken.add(key);
    if (t.level === 'national') taken.add('national');
    honourRows.push({
      tenantId,
      kind: 'collective',
      title: t.title,
      level: t.level,
      issuedBy: t.issuedBy,
      awardedOn: day(year),
      recipientName,
    });
  }
  const members = ctx.court.people.filter((p) => p.status === 'full');
  // "30+ members honoured" (mechanism.md §5): the first honours go to distinct people, the rest to anyone.
  const honoured = new Set<string>();
  while (honourRows.length < COLLECTIVE_COUNT + INDIVIDUAL_COUNT) {
    const t = draw.pick(INDIVIDUAL_TEMPLATES);
    const fresh = members.filter((p) => !honoured.has(p.key));
    const person = draw.pick(honoured.size < DISTINCT_HONOURED && fresh.length > 0 ? fresh : members);
    const lastYear = person.retiredOn ? Math.min(2025, Number(person.retiredOn.slice(0, 4)) - 1) : 2025;
    const year = draw.int(Math.max(2006, lastYear - 12), lastYear);
    const key = `${t.title}|${person.key}|${String(year)}`;
    if (taken.has(key)) continue;
    taken.add(key);
    honoured.add(person.key);
    honourRows.push({
      tenantId,
      kind: 'individual',
      title: t.title,
      level: t.level,
      issuedBy: t.issuedBy,
      awardedOn: day(year),
      recipientName: person.name,
      personId: ctx.personIds.get(person.key)!,
    });
  }
  await tx.insert(honours).values(honourRows);

  const serving = members.filter((p) => !p.retired);
  const sanctionRows: (typeof sanctions.$inferInsert)[] = [];
  for (let i = 0; i < 18; i++) {
    const t = i < 2 ? SANCTION_TEMPLATES[5 + i]! : draw.pick(SANCTION_TEMPLATES.slice(0, 5));
    const person = i === 2 ? ctx.court.people.find((p) => p.key === actors.memberPersonKey)! : draw.pick(serving);
    sanctionRows.push({
      tenantId,
      personId: ctx.personIds.get(person.key)!,
      kind: t.kind,
      title: t.title,
      level: t.level,
      issuedBy: t.issuedBy,
      reason: t.reason,
      decidedOn: day(draw.int(2019, 2026) === 2026 ? 2025 : draw.int(2019, 2025)),
    });
  }
  await tx.insert(sanctions).values(sanctionRows);

  // Completion per member from the goal plan, as the goal tree computes it for member leaves.
  const plan = planDemoGoals(ctx.court, actors.memberPersonKey).filter(
    (g) => g.owner.kind === 'person' && goalIds.has(g.key),
  );
  const byPerson = new Map<string, { weight: number; progress: number }[]>();
  for (const g of plan) {
    const list = byPerson.get(g.owner.key) ?? [];
    list.push({ weight: g.weight, progress: computeLeafProgress(g.indicatorKind, g.targetValue, g.acceptedValue) });
    byPerson.set(g.owner.key, list);
  }
  const assessmentRows: (typeof assessments.$inferInsert)[] = [];
  const share = [0.35, 0.6, 0.85];
  for (const [q, factor] of share.entries()) {
    const period = `${String(DEMO_GOAL_YEAR)}-Q${String(q + 1)}`;
    for (const [personKey, items] of byPerson) {
      const completion = weightedProgress(items) ?? 0;
      const grade = suggestGrade(Math.min(1, completion + draw.int(-5, 5) / 100)) ?? 'fair';
      assessmentRows.push({
        tenantId,
        period,
        personId: ctx.personIds.get(personKey)!,
        grade,
        remarks: REMARKS[grade],
        completion: Math.round(completion * factor * 10_000) / 10_000,
        assessedByUserId: actors.secretary.userId,
        assessedByName: actors.secretary.name,
        assessedAt: demoInstant(`${String(DEMO_GOAL_YEAR)}-${String((q + 1) * 3 + 1).padStart(2, '0')}-10`),
      });
    }
  }
  for (let i = 0; i < assessmentRows.length; i += 400)
    await tx.insert(assessments).values(assessmentRows.slice(i, i + 400));
}
