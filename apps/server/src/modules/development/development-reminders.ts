/**
 * Development reminders for the court's channels (the notifications worker asks hourly): a talk or an
 * approval whose deadline is within a week or past, an activist's assessment due within a week, and
 * a probation ending within a month — once per person, step and date.
 */
import { addMonthsClamped, chineseDate, courtToday } from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import { nextOf, probationEnd, stateOf } from './development-record.ts';
import * as repo from './development.repo.ts';

export interface DevelopmentReminder {
  source: 'development.due';
  key: string;
  title: string;
  body: string;
  link: string;
  personIds: string[];
}

function shift(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function developmentReminders(db: Db, tenantId: string, now = new Date()): Promise<DevelopmentReminder[]> {
  const today = courtToday(now);
  const week = shift(today, 7);
  const units = await repo.findOrgUnits(db, tenantId);
  const people = await repo.findPipelinePeople(
    db,
    tenantId,
    units.map((u) => u.id),
  );
  const ids = people.map((p) => p.id);
  const [steps, assessments, extensions] = await Promise.all([
    repo.findSteps(db, tenantId, ids),
    repo.findAssessments(db, tenantId, ids),
    repo.findExtensions(db, tenantId, ids),
  ]);
  const out: DevelopmentReminder[] = [];
  for (const p of people) {
    const rows = {
      steps: steps.filter((s) => s.personId === p.id),
      assessments: assessments.filter((a) => a.personId === p.id),
      extension: extensions.find((e) => e.personId === p.id),
    };
    const state = stateOf(p, rows);
    const end = probationEnd(p, state);
    const next = nextOf(state, end);
    const remind = (what: string, date: string, body: string) =>
      out.push({
        source: 'development.due',
        key: `development.due:${p.id}:${what}:${date}`,
        title: `发展党员提醒：${p.name}`,
        body,
        link: `/development/${p.id}`,
        personIds: [],
      });
    if (next.step !== null && next.deadline && next.deadline <= week)
      remind(
        String(next.step),
        next.deadline,
        `第${String(next.step)}步（${next.label ?? ''}）须在${chineseDate(next.deadline)}前完成`,
      );
    if (next.nextAssessment && next.nextAssessment <= week)
      remind(
        'assessment',
        next.nextAssessment,
        `入党积极分子每半年考察一次，下次考察应在${chineseDate(next.nextAssessment)}前`,
      );
    if (end && end <= addMonthsClamped(today, 1) && !state.steps.has(22))
      remind('probation', end, `预备期于${chineseDate(end)}届满，届时应提出转正申请、支部党员大会讨论转正`);
  }
  return out;
}
