import type { PromiseResult } from '@qizhi/domain';
import { commitmentPromises, commitments } from '../db/schema/index.ts';
import type { Db } from '../platform/db.ts';
import { DEMO_ORG_KEYS } from './demo-court.data.ts';
import { DEMO_GOAL_YEAR } from './demo-goals.data.ts';
import type { DemoActors, DemoSeedContext } from './demo-goals.ts';
import { createDemoDraw, demoInstant } from './demo-random.ts';

const BRANCH_PROMISES = [
  '全年召开支部党员大会不少于4次、支部委员会不少于12次，讲党课不少于4次',
  '深入开展“一名党员一面旗帜”主题实践活动，叫响“我是共产党员”',
  '落实首问负责和服务承诺制度，群众满意率达到95%以上',
  '每季度公开党务不少于1次，重大事项随时公开',
  '党员教育培训全覆盖，人均学习不少于32学时',
];
const SERVING_PROMISES = [
  '认真学习党的理论和业务知识，全年学习不少于32学时',
  '严守廉洁纪律，不办人情案、关系案、金钱案',
  '热情接待当事人，落实首问负责，做到一次性告知',
  '按时参加组织生活，按月足额交纳党费',
  '全年无超审限案件，案件质效居全院前列',
  '提交一篇调研文章或工作创新建议',
  '参加志愿服务和普法宣传活动不少于2次',
];
const RETIRED_PROMISES = [
  '坚持学习，按时参加离退休党小组活动',
  '按时足额交纳党费',
  '发挥余热，参与社区普法宣传和矛盾调解',
  '遵守党的纪律，传递正能量',
];

/**
 * 公开承诺 of the branch and every member for 2025 (published, self-assessed and verified at year
 * end) and 2026 (approved by the secretary and published early in the year).
 */
export async function seedDemoCommitments(
  tx: Db,
  ctx: DemoSeedContext,
  actors: DemoActors,
  goalIds: Map<string, string>,
): Promise<void> {
  const { tenantId } = ctx;
  const draw = createDemoDraw(0x50524f4d); // "PROM"
  const goalKeys = [...goalIds.keys()];
  const members = ctx.court.people.filter((p) => p.status === 'full' || p.status === 'probationary');
  const owners = [
    { kind: 'org_unit' as const, key: DEMO_ORG_KEYS.branch, retired: false },
    ...members.map((p) => ({ kind: 'person' as const, key: p.key, retired: p.retired })),
  ];
  const heads: (typeof commitments.$inferInsert)[] = [];
  const promises: (typeof commitmentPromises.$inferInsert)[] = [];
  for (const year of [DEMO_GOAL_YEAR - 1, DEMO_GOAL_YEAR]) {
    const closed = year < DEMO_GOAL_YEAR;
    for (const owner of owners) {
      const id = crypto.randomUUID();
      heads.push({
        tenantId,
        id,
        year,
        ownerKind: owner.kind,
        ownerOrgUnitId: owner.kind === 'org_unit' ? ctx.orgIds.get(owner.key)! : null,
        ownerPersonId: owner.kind === 'person' ? ctx.personIds.get(owner.key)! : null,
        status: 'published',
        submittedAt: demoInstant(`${String(year)}-02-2${String(draw.int(0, 6))}`),
        reviewedByUserId: actors.secretary.userId,
        reviewedByName: actors.secretary.name,
        reviewedAt: demoInstant(`${String(year)}-03-0${String(draw.int(2, 6))}`, 15),
        publishedAt: demoInstant(`${String(year)}-03-0${String(draw.int(7, 9))}`, 9),
        verifiedByName: closed ? actors.secretary.name : null,
        verifiedAt: closed ? demoInstant(`${String(year)}-12-2${String(draw.int(5, 9))}`, 15) : null,
      });
      const pool = owner.kind === 'org_unit' ? BRANCH_PROMISES : owner.retired ? RETIRED_PROMISES : SERVING_PROMISES;
      const count = owner.kind === 'org_unit' ? pool.length : 3;
      const start = draw.int(0, pool.length - 1);
      for (let i = 0; i < count; i++) {
        // A step coprime with the pool's size, so a member's promises never repeat.
        const step = pool.length % 2 === 0 ? 1 : 2;
        const text = owner.kind === 'org_unit' ? pool[i]! : pool[(start + i * step) % pool.length]!;
        const self: PromiseResult | null = closed ? (draw.chance(0.85) ? 'kept' : 'partly') : null;
        const verified: PromiseResult | null = self === 'kept' && draw.chance(0.05) ? 'partly' : self;
        promises.push({
          tenantId,
          commitmentId: id,
          sortOrder: i,
          text,
          goalId: closed ? null : linkedGoal(goalKeys, goalIds, owner.kind === 'person' ? owner.key : null, text),
          selfAssessment: self,
          selfNote: self === 'partly' ? '受案件数量增加影响，部分完成' : null,
          verifiedResult: verified,
          verificationNote: verified === 'partly' ? '经支部核实，部分兑现' : null,
        });
      }
    }
  }
  for (let i = 0; i < heads.length; i += 400) await tx.insert(commitments).values(heads.slice(i, i + 400));
  for (let i = 0; i < promises.length; i += 400) await tx.insert(commitmentPromises).values(promises.slice(i, i + 400));
}

/** A study promise serves the member's learning goal; an integrity promise the clean one. */
function linkedGoal(keys: string[], ids: Map<string, string>, personKey: string | null, text: string): string | null {
  if (!personKey) return null;
  const dimension = text.includes('学习')
    ? 'learning'
    : text.includes('廉洁')
      ? 'clean'
      : text.includes('组织生活')
        ? 'regulated'
        : null;
  if (!dimension) return null;
  const key = keys.find((k) => k.startsWith(`goal:${dimension}:`) && k.endsWith(`:${personKey}`));
  return key ? ids.get(key)! : null;
}
