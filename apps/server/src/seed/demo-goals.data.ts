/**
 * The demo court's 2026 goals: six goals of the 党组, one per court type, each decomposed to the
 * 党支部, then to the 党小组 (or, for the service goal, to the front-line departments), then to every
 * party member there. Values are as of DEMO_AS_OF (2026-11-01): goals due in the first three
 * quarters are mostly met and some late; year-end goals are under way. Pure and deterministic.
 */
import type { CourtType, GoalLevel, IndicatorKind } from '@qizhi/domain';
import { DEMO_AS_OF, DEMO_ORG_KEYS, type DemoCourt, type DemoPerson } from './demo-court.data.ts';
import { createDemoDraw } from './demo-random.ts';

export const DEMO_GOAL_YEAR = 2026;

interface Indicator {
  title: string;
  kind: IndicatorKind;
  target: number;
  unit: string;
}

interface RootPlan {
  dimension: CourtType;
  weight: number;
  deadline: string;
  partyGroup: Indicator;
  branch: Indicator;
  unit: Indicator;
  member: Indicator;
  /** Who the branch goal goes to: every cell, the in-service cells, or front-line departments. */
  units: 'allCells' | 'serviceCells' | 'frontDepartments';
  /** Members' deadline when earlier than the goal's. */
  memberDeadline?: string;
}

const ms = (title: string): Indicator => ({ title, kind: 'milestone', target: 1, unit: '' });
const count = (title: string, target: number, unit: string): Indicator => ({ title, kind: 'count', target, unit });
const pct = (title: string, target = 100): Indicator => ({ title, kind: 'percentage', target, unit: '%' });

const ROOTS: RootPlan[] = [
  {
    dimension: 'learning',
    weight: 20,
    deadline: '2026-12-31',
    partyGroup: pct('建设学习型法院，党员教育培训全覆盖'),
    branch: pct('组织全体党员完成年度学习教育'),
    unit: pct('党小组党员学习教育学时达标'),
    member: count('年度学习教育不少于32学时', 32, '学时'),
    units: 'allCells',
  },
  {
    dimension: 'service',
    weight: 15,
    deadline: '2026-12-31',
    partyGroup: count('建设服务型法院，落实便民司法措施', 100, '分'),
    branch: count('落实首问负责和服务承诺制度', 100, '分'),
    unit: pct('窗口服务群众满意度达到95%', 95),
    member: count('办结首问负责和群众诉求事项', 12, '件'),
    units: 'frontDepartments',
  },
  {
    dimension: 'regulated',
    weight: 20,
    deadline: '2026-12-31',
    partyGroup: pct('建设规范型法院，严格落实“三会一课”'),
    branch: count('按期召开支部委员会', 12, '次'),
    unit: count('每月召开党小组会', 12, '次'),
    member: count('按时参加组织生活', 12, '次'),
    units: 'allCells',
  },
  {
    dimension: 'clean',
    weight: 15,
    deadline: '2026-06-30',
    partyGroup: ms('建设清廉型法院，落实党风廉政建设责任制'),
    branch: ms('逐级签订党风廉政建设责任书'),
    unit: ms('开展廉政警示教育'),
    member: ms('签订廉洁自律承诺书'),
    units: 'serviceCells',
    memberDeadline: '2026-03-31',
  },
  {
    dimension: 'harmonious',
    weight: 15,
    deadline: '2026-09-30',
    partyGroup: pct('建设和谐型法院，谈心谈话全覆盖'),
    branch: pct('支部委员与党员谈心谈话全覆盖'),
    unit: count('党小组内开展谈心谈话', 4, '次'),
    member: count('与党小组长或支部委员谈心谈话', 2, '次'),
    units: 'allCells',
  },
  {
    dimension: 'innovative',
    weight: 15,
    deadline: '2026-10-31',
    partyGroup: ms('建设创新型法院，打造“一名党员一面旗帜”党建品牌'),
    branch: ms('形成党建创新工作案例'),
    unit: count('党小组报送创新工作案例', 1, '篇'),
    member: count('提交工作创新建议或调研文章', 1, '篇'),
    units: 'serviceCells',
  },
];

const FRONT_DEPARTMENTS = [
  'dept:filing',
  'dept:enforcement',
  'dept:tribunal-fucheng',
  'dept:tribunal-hechuan',
  'dept:tribunal-liangma',
];

export type DemoOwner = { kind: 'org_unit' | 'department' | 'person'; key: string };

export interface DemoGoal {
  key: string;
  parentKey: string | null;
  level: GoalLevel;
  title: string;
  dimension: CourtType;
  indicatorKind: IndicatorKind;
  targetValue: number;
  unit: string;
  weight: number;
  owner: DemoOwner;
  deadline: string;
  /** The accepted value as of DEMO_AS_OF (leaves only); null = nothing accepted yet. */
  acceptedValue: number | null;
  /** A report still waiting for the secretary, on top of the accepted one. */
  pendingValue: number | null;
  /** A report the secretary returned, asking for evidence. */
  returnedValue: number | null;
}

function splitEvenly(total: number, n: number): number[] {
  const units = Math.round(total * 100);
  const base = Math.floor(units / n);
  return Array.from({ length: n }, (_, i) => (base + (i < units - base * n ? 1 : 0)) / 100);
}

const isMember = (p: DemoPerson) => p.status === 'full' || p.status === 'probationary';

export function planDemoGoals(court: DemoCourt, memberKey: string): DemoGoal[] {
  const draw = createDemoDraw(0x474f414c); // "GOAL"
  const goals: DemoGoal[] = [];
  const members = court.people.filter(isMember);
  const cells = court.orgUnits.filter((u) => u.kind === 'cell');
  const serviceCells = cells.filter((c) => c.key !== DEMO_ORG_KEYS.retiredCell);

  const memberValue = (ind: Indicator, deadline: string, personKey: string) => {
    const due = deadline <= DEMO_AS_OF;
    const isDemoMember = personKey === memberKey;
    let accepted: number | null;
    if (ind.kind === 'milestone') accepted = due ? (draw.chance(0.88) ? 1 : 0) : draw.chance(0.4) ? 1 : 0;
    else if (due) accepted = draw.chance(0.85) ? ind.target : Math.floor((ind.target * draw.int(30, 90)) / 100);
    else accepted = draw.chance(0.12) ? ind.target : Math.round(ind.target * draw.int(45, 95)) / 100;
    if (accepted !== null && ind.kind === 'count') accepted = Math.round(accepted);
    // The demo member has one report waiting, so the secretary's queue and "my goals" show the flow.
    const pending =
      !due && (isDemoMember || draw.chance(0.05)) && ind.kind !== 'milestone'
        ? Math.min(ind.target, (accepted ?? 0) + Math.max(1, Math.round(ind.target / 6)))
        : null;
    const returned = due && accepted !== null && accepted < ind.target && draw.chance(0.3) ? ind.target : null;
    return { accepted: accepted === 0 ? null : accepted, pending, returned };
  };

  for (const root of ROOTS) {
    const rootKey = `goal:${root.dimension}`;
    const base = {
      dimension: root.dimension,
      deadline: root.deadline,
      acceptedValue: null,
      pendingValue: null,
      returnedValue: null,
    };
    const at = (ind: Indicator) => ({
      title: ind.title,
      indicatorKind: ind.kind,
      targetValue: ind.target,
      unit: ind.unit,
    });
    goals.push({
      ...base,
      ...at(root.partyGroup),
      key: rootKey,
      parentKey: null,
      level: 'party_group',
      weight: root.weight,
      owner: { kind: 'org_unit', key: DEMO_ORG_KEYS.partyGroup },
    });
    const branchKey = `${rootKey}:branch`;
    goals.push({
      ...base,
      ...at(root.branch),
      key: branchKey,
      parentKey: rootKey,
      level: 'branch',
      weight: root.weight,
      owner: { kind: 'org_unit', key: DEMO_ORG_KEYS.branch },
    });
    const units: { owner: DemoOwner; people: DemoPerson[] }[] =
      root.units === 'frontDepartments'
        ? FRONT_DEPARTMENTS.map((d) => ({
            owner: { kind: 'department', key: d },
            people: members.filter((p) => p.departmentKey === d && !p.retired),
          }))
        : (root.units === 'allCells' ? cells : serviceCells).map((c) => ({
            owner: { kind: 'org_unit', key: c.key },
            people: members.filter((p) => p.orgUnitKey === c.key),
          }));
    const unitWeights = splitEvenly(root.weight, units.length);
    units.forEach((unit, u) => {
      const unitKey = `${branchKey}:${unit.owner.key}`;
      goals.push({
        ...base,
        ...at(root.unit),
        key: unitKey,
        parentKey: branchKey,
        level: 'unit',
        weight: unitWeights[u]!,
        owner: unit.owner,
      });
      const memberWeights = splitEvenly(unitWeights[u]!, unit.people.length);
      unit.people.forEach((person, m) => {
        const deadline = root.memberDeadline ?? root.deadline;
        const value = memberValue(root.member, deadline, person.key);
        goals.push({
          ...at(root.member),
          dimension: root.dimension,
          key: `${unitKey}:${person.key}`,
          parentKey: unitKey,
          level: 'member',
          weight: memberWeights[m]!,
          owner: { kind: 'person', key: person.key },
          deadline,
          acceptedValue: value.accepted,
          pendingValue: value.pending,
          returnedValue: value.returned,
        });
      });
    });
  }
  return goals;
}
