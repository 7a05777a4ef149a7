/**
 * 活动平台 for a seeded court: the reference court's past theme-education campaigns (mechanism.md §3c)
 * — 保持党的纯洁性, 党的群众路线教育实践活动, “学习讨论落实”活动 and “三严三实”专题教育 — each with its
 * phases, tasks for the branch and its cells, the cells' reports of them done and the court's summary.
 * The dates follow the national and provincial arrangements of those years, to the month; the figures in
 * the summaries are the demo's own. This year's campaign of the court's own (its last phase open, its
 * tasks not yet reported) gives 我的 and the year by dimension something current.
 */
import type { CourtType } from '@qizhi/domain';
import { campaignPhases, campaigns, campaignTaskReports, campaignTasks } from '../db/schema/index.ts';
import type { Db } from '../platform/db.ts';
import { courtInstant } from '@qizhi/domain';
import { DEMO_AS_OF, DEMO_ORG_KEYS } from './demo-court.data.ts';
import type { DemoSeedContext } from './demo-goals.ts';

interface PastTask {
  title: string;
  /** Which organisation carries it: the branch, or each of the three serving cells. */
  for: 'branch' | 'cells';
  summary: string;
}
interface PastPhase {
  name: string;
  startsOn: string;
  endsOn: string;
  tasks: PastTask[];
}
interface PastCampaign {
  title: string;
  goals: string;
  courtTypes: CourtType[];
  phases: PastPhase[];
  summary: string;
}

const PAST_CAMPAIGNS: PastCampaign[] = [
  {
    title: '保持党的纯洁性学习教育活动',
    goals: '保持思想纯洁、队伍纯洁、作风纯洁、清正廉洁，做到“一名党员一面旗帜”。',
    courtTypes: ['learning', 'clean'],
    phases: [
      {
        name: '学习教育',
        startsOn: '2012-03-01',
        endsOn: '2012-05-31',
        tasks: [
          {
            title: '集中学习党章和保持党的纯洁性重要论述',
            for: 'cells',
            summary: '分三个党小组集中学习8次，撰写心得体会',
          },
          { title: '党课：保持党的纯洁性', for: 'branch', summary: '党组书记讲专题党课，全体党员参加' },
        ],
      },
      {
        name: '查摆问题',
        startsOn: '2012-06-01',
        endsOn: '2012-08-31',
        tasks: [{ title: '对照检查，征求群众意见', for: 'cells', summary: '发放征求意见表，梳理意见建议并逐条反馈' }],
      },
      {
        name: '整改落实',
        startsOn: '2012-09-01',
        endsOn: '2012-12-31',
        tasks: [{ title: '建立健全廉政风险防控制度', for: 'branch', summary: '修订完善廉政风险防控制度并印发执行' }],
      },
    ],
    summary: '全院党员逐人对照检查，征求意见建议并全部反馈；修订廉政风险防控制度，党员队伍思想、作风更加纯洁。',
  },
  {
    title: '党的群众路线教育实践活动',
    goals: '为民务实清廉，集中解决形式主义、官僚主义、享乐主义和奢靡之风“四风”问题。',
    courtTypes: ['service', 'clean', 'harmonious'],
    phases: [
      {
        name: '学习教育、听取意见',
        startsOn: '2013-07-01',
        endsOn: '2013-09-30',
        tasks: [
          { title: '开门听取群众和当事人意见', for: 'cells', summary: '走访当事人、人大代表和基层群众，收集意见建议' },
          { title: '专题学习和集中研讨', for: 'branch', summary: '组织专题学习和集中研讨，全体党员参加' },
        ],
      },
      {
        name: '查摆问题、开展批评',
        startsOn: '2013-10-01',
        endsOn: '2013-12-31',
        tasks: [
          {
            title: '召开专题组织生活会，开展批评与自我批评',
            for: 'cells',
            summary: '各党小组召开专题组织生活会，党员逐一对照“四风”查摆',
          },
        ],
      },
      {
        name: '整改落实、建章立制',
        startsOn: '2014-01-01',
        endsOn: '2014-09-30',
        tasks: [
          { title: '落实每周一名院领导挂牌接访', for: 'branch', summary: '建立院领导挂牌接访制度，接待来访群众' },
          { title: '整改便民诉讼服务', for: 'cells', summary: '完善诉讼服务窗口，推行首问负责和服务承诺' },
        ],
      },
    ],
    summary: '查摆“四风”问题并逐项整改；建立院领导每周挂牌接访、首问负责、服务承诺等制度，群众满意度明显提升。',
  },
  {
    title: '“学习讨论落实”活动',
    goals: '学习系列重要讲话精神，讨论作风建设和司法为民，落实全面从严治党要求。',
    courtTypes: ['learning', 'regulated'],
    phases: [
      {
        name: '学习',
        startsOn: '2015-01-05',
        endsOn: '2015-02-28',
        tasks: [
          { title: '系统学习系列重要讲话', for: 'cells', summary: '晨会集体学习和专题辅导相结合，党员撰写学习笔记' },
        ],
      },
      {
        name: '讨论',
        startsOn: '2015-03-01',
        endsOn: '2015-04-30',
        tasks: [
          { title: '专题讨论：怎样做一名合格的人民法官', for: 'cells', summary: '各党小组开展专题讨论，形成讨论纪要' },
        ],
      },
      {
        name: '落实',
        startsOn: '2015-05-01',
        endsOn: '2015-06-30',
        tasks: [
          { title: '规范审判执行流程节点管理', for: 'branch', summary: '梳理审判执行流程节点，建立节点管理台账' },
        ],
      },
    ],
    summary: '学习、讨论、落实三个环节逐一推进，形成讨论纪要和整改清单，审判执行流程管理更加规范。',
  },
  {
    title: '“三严三实”专题教育',
    goals: '严以修身、严以用权、严以律己，谋事要实、创业要实、做人要实。',
    courtTypes: ['learning', 'clean', 'regulated'],
    phases: [
      {
        name: '专题学习研讨',
        startsOn: '2015-05-04',
        endsOn: '2015-10-31',
        tasks: [
          { title: '党组书记讲“三严三实”专题党课', for: 'branch', summary: '党组书记讲专题党课，全体干警参加' },
          {
            title: '围绕“严以修身、严以用权、严以律己”专题研讨',
            for: 'cells',
            summary: '分三个专题开展学习研讨，党员交流发言',
          },
        ],
      },
      {
        name: '专题民主生活会和组织生活会',
        startsOn: '2015-11-01',
        endsOn: '2015-12-31',
        tasks: [
          { title: '召开“三严三实”专题组织生活会', for: 'cells', summary: '各党小组召开专题组织生活会，开展民主评议' },
        ],
      },
      {
        name: '整改落实、立规执纪',
        startsOn: '2016-01-01',
        endsOn: '2016-02-29',
        tasks: [{ title: '建立整改台账并逐项销号', for: 'branch', summary: '建立问题清单和整改台账，逐项销号' }],
      },
    ],
    summary: '三个专题学习研讨全部完成，专题组织生活会查摆问题并建立整改台账，逐项销号，立规执纪形成长效机制。',
  },
  {
    title: '“公正司法、廉洁为民”主题实践活动',
    goals: '以案件质效和廉洁司法为重点，查摆服务群众、廉洁自律方面的问题，年底前整改到位。',
    courtTypes: ['service', 'clean', 'harmonious'],
    phases: [
      {
        name: '学习教育',
        startsOn: '2026-03-02',
        endsOn: '2026-04-30',
        tasks: [{ title: '学习新修订的廉洁从业规定', for: 'cells', summary: '党小组集中学习两次，逐人签订廉洁承诺' }],
      },
      {
        name: '查摆问题',
        startsOn: '2026-05-04',
        endsOn: '2026-07-31',
        tasks: [
          {
            title: '走访当事人，征求对审判执行作风的意见',
            for: 'cells',
            summary: '走访当事人和基层群众，收集意见并建立问题清单',
          },
        ],
      },
      {
        name: '整改落实',
        startsOn: '2026-08-03',
        endsOn: '2026-12-31',
        tasks: [
          { title: '问题清单逐项整改销号', for: 'cells', summary: '' },
          { title: '形成长效机制并总结', for: 'branch', summary: '' },
        ],
      },
    ],
    summary: '',
  },
];

const SERVING_CELLS = [DEMO_ORG_KEYS.trialCell, DEMO_ORG_KEYS.enforcementCell, DEMO_ORG_KEYS.generalCell];

export async function seedDemoCampaigns(
  tx: Db,
  ctx: Pick<DemoSeedContext, 'tenantId' | 'court' | 'orgIds' | 'personIds'>,
) {
  const { tenantId } = ctx;
  // The reporter for an organisation's task: its secretary (a cell's 党小组长, the branch's 书记).
  const reporterOf = (orgKey: string) => {
    const unit = ctx.court.orgUnits.find((u) => u.key === orgKey)!;
    return ctx.personIds.get(unit.secretaryKey!)!;
  };
  for (const past of PAST_CAMPAIGNS) {
    const [c] = await tx
      .insert(campaigns)
      .values({
        tenantId,
        title: past.title,
        goals: past.goals,
        courtTypes: past.courtTypes,
        orgUnitId: null,
        summary: past.summary || null,
        createdAt: courtInstant(past.phases[0]!.startsOn),
      })
      .returning({ id: campaigns.id });
    const phases = await tx
      .insert(campaignPhases)
      .values(
        past.phases.map((p, i) => ({
          tenantId,
          campaignId: c!.id,
          name: p.name,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          sortOrder: i + 1,
        })),
      )
      .returning({ id: campaignPhases.id });
    for (const [i, phase] of past.phases.entries()) {
      for (const task of phase.tasks) {
        const orgKeys = task.for === 'branch' ? [DEMO_ORG_KEYS.branch] : SERVING_CELLS;
        for (const orgKey of orgKeys) {
          const [t] = await tx
            .insert(campaignTasks)
            .values({
              tenantId,
              campaignId: c!.id,
              phaseId: phases[i]!.id,
              title: task.title,
              orgUnitId: ctx.orgIds.get(orgKey)!,
              dueOn: phase.endsOn,
              courtTypes: past.courtTypes,
              createdAt: courtInstant(phase.startsOn),
            })
            .returning({ id: campaignTasks.id });
          // Reported done when the phase had ended by the demo's "now" (the current campaign's last phase is open).
          if (phase.endsOn >= DEMO_AS_OF) continue;
          await tx.insert(campaignTaskReports).values({
            tenantId,
            taskId: t!.id,
            personId: reporterOf(orgKey),
            done: true,
            summary: task.summary,
            reportedAt: courtInstant(phase.endsOn, '17:00'),
          });
        }
      }
    }
  }
}
