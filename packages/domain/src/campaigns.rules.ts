/**
 * 主题教育实践活动 (theme-education campaigns of the activity platform): phases by court days, tasks
 * assigned to an organisation or a person, and the share of its tasks each organisation has done.
 */
import { courtToday } from './court-time.ts';
import type { CourtType } from './goals.rules.ts';
import { collectSubtreeIds } from './org.rules.ts';

/** The reference court's phases of a campaign, offered when one is planned. */
export const DEFAULT_CAMPAIGN_PHASES = ['学习教育', '查摆问题', '整改落实'] as const;

export const PHASE_STATES = ['upcoming', 'active', 'ended'] as const;
export type PhaseState = (typeof PHASE_STATES)[number];
export const PHASE_STATE_LABELS: Record<PhaseState, string> = {
  upcoming: '未开始',
  active: '进行中',
  ended: '已结束',
};

export interface DayRange {
  /** First court day of the phase (`YYYY-MM-DD`), included. */
  startsOn: string;
  /** Last court day of the phase, included: it is 进行中 until midnight at the court ends that day. */
  endsOn: string;
}

/**
 * A phase's state on a court day: 未开始 before `startsOn`, 进行中 from `startsOn` through `endsOn`
 * (both included), 已结束 from the day after `endsOn`. Pass `today` as a court day; from an instant,
 * `phaseStateAt` reads the day at the court (Asia/Shanghai), not the server's or the browser's zone.
 */
export function phaseState(phase: DayRange, today: string): PhaseState {
  if (today < phase.startsOn) return 'upcoming';
  if (today > phase.endsOn) return 'ended';
  return 'active';
}

export function phaseStateAt(phase: DayRange, now: Date = new Date()): PhaseState {
  return phaseState(phase, courtToday(now));
}

/** A campaign spans its phases: from the first phase's first day to the last phase's last day. */
export function campaignSpan(phases: readonly DayRange[]): DayRange | null {
  if (phases.length === 0) return null;
  let startsOn = phases[0]!.startsOn;
  let endsOn = phases[0]!.endsOn;
  for (const p of phases) {
    if (p.startsOn < startsOn) startsOn = p.startsOn;
    if (p.endsOn > endsOn) endsOn = p.endsOn;
  }
  return { startsOn, endsOn };
}

/** A campaign's state is its span's (a campaign without phases has not started). */
export function campaignState(phases: readonly DayRange[], today: string): PhaseState {
  const span = campaignSpan(phases);
  return span ? phaseState(span, today) : 'upcoming';
}

export const TASK_STATES = ['open', 'done', 'overdue'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_STATE_LABELS: Record<TaskState, string> = { open: '未完成', done: '已完成', overdue: '已逾期' };

/** A task is overdue from the day after its due day (the due day itself is still in time). */
export function taskState(task: { done: boolean; dueOn: string }, today: string): TaskState {
  if (task.done) return 'done';
  return today > task.dueOn ? 'overdue' : 'open';
}

/** Whose a task is: one organisation (its whole subtree takes part) or one person. */
export type TaskAssignee = { orgUnitId: string; personId: null } | { orgUnitId: null; personId: string };

export interface ProgressTask {
  orgUnitId: string | null;
  personId: string | null;
  done: boolean;
  courtTypes?: readonly CourtType[];
}

export interface OrgProgress {
  orgUnitId: string;
  total: number;
  done: number;
  /** done / total, 0 when the organisation has no task. */
  share: number;
}

export function taskShare(done: number, total: number): number {
  return total === 0 ? 0 : done / total;
}

/**
 * Each organisation's share of its tasks done. An organisation's tasks are those assigned to it or
 * to an organisation below it, and those of people whose organisation is it or below it — so a
 * branch counts its cells' and members' tasks, and a cell only its own and its members'.
 */
export function progressByOrg(
  units: readonly { id: string; parentId: string | null }[],
  tasks: readonly ProgressTask[],
  personOrg: ReadonlyMap<string, string | null>,
): OrgProgress[] {
  return units.map((u) => {
    const within = new Set(collectSubtreeIds(units, u.id));
    let total = 0;
    let done = 0;
    for (const t of tasks) {
      const org = t.orgUnitId ?? (t.personId ? (personOrg.get(t.personId) ?? null) : null);
      if (org === null || !within.has(org)) continue;
      total += 1;
      if (t.done) done += 1;
    }
    return { orgUnitId: u.id, total, done, share: taskShare(done, total) };
  });
}

/**
 * Who may report on a task: its person, or anyone whose organisation is the assigned organisation or
 * lies below it (`chain`: the reporter's organisation and every one above it).
 */
export function mayReportOn(task: TaskAssignee, personId: string | null, chain: readonly string[]): boolean {
  if (personId === null) return false;
  if (task.personId !== null) return task.personId === personId;
  return chain.includes(task.orgUnitId);
}
