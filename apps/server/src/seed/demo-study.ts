/**
 * 学习平台 for a seeded court: the working calendar (2026 official, 2027 assumed — see
 * work-calendar.data.ts) and the year's monthly topical lecture (专题讲座, half a day, 4 学时) for
 * all staff, attended January to October with a few on leave or absent, so the ledger has figures
 * and a few people fall behind. The other default programmes are left to the court to make.
 */
import { randomBytes } from 'node:crypto';
import { courtInstant, recurrenceDays, workCalendarOf } from '@qizhi/domain';
import { studyAttendance, studyProgrammes, studySessions, workCalendarDays } from '../db/schema/index.ts';
import type { Db } from '../platform/db.ts';
import { linkStudyHourGoals } from '../modules/study/index.ts';
import type { DemoSeedContext } from './demo-goals.ts';
import { createDemoDraw } from './demo-random.ts';
import { OFFICIAL_WORK_CALENDARS } from './work-calendar.data.ts';

const LECTURE_TOPICS = [
  '深入学习贯彻党的二十届三中全会精神',
  '《中国共产党纪律处分条例》解读',
  '民法典合同编司法解释的理解与适用',
  '新时代“枫桥经验”与诉源治理',
  '审判执行工作中的廉洁风险防控',
  '行政诉讼法修改要点',
  '弘扬伟大建党精神，做忠诚干净担当的法院干警',
  '刑事审判中的认罪认罚从宽制度',
  '人民法院案例库的检索与运用',
  '全面从严治党与作风建设',
  '司法公开与舆情应对',
  '年度学习总结与来年学习安排',
];
/** Attendance is recorded for lectures before this day (the demo's "so far"). */
const RECORDED_BEFORE = '2026-11-01';

export async function seedDemoStudy(tx: Db, ctx: Pick<DemoSeedContext, 'tenantId' | 'court' | 'personIds'>) {
  const { tenantId } = ctx;
  await tx.insert(workCalendarDays).values(OFFICIAL_WORK_CALENDARS.map((d) => ({ tenantId, ...d })));
  const calendar = workCalendarOf(OFFICIAL_WORK_CALENDARS);
  const recurrence = { kind: 'monthly' as const, dayOfMonth: 15 };
  const [programme] = await tx
    .insert(studyProgrammes)
    .values({
      tenantId,
      title: '专题讲座',
      kind: 'lecture',
      recurrence,
      fromDay: '2026-01-01',
      toDay: '2026-12-31',
      startTime: '14:30',
      durationMinutes: 180,
      hours: 4,
      place: '第一审判庭',
      orgUnitId: null,
      courtTypes: ['learning'],
    })
    .returning();
  const days = recurrenceDays(calendar, recurrence, '2026-01-01', '2026-12-31');
  const sessions = await tx
    .insert(studySessions)
    .values(
      days.map((day, i) => ({
        tenantId,
        programmeId: programme!.id,
        title: '专题讲座',
        kind: 'lecture' as const,
        topic: LECTURE_TOPICS[i % LECTURE_TOPICS.length]!,
        startsAt: courtInstant(day, '14:30'),
        endsAt: courtInstant(day, '17:30'),
        place: '第一审判庭',
        orgUnitId: null,
        hours: 4,
        courtTypes: ['learning' as const],
        signInSecret: randomBytes(32).toString('base64url'),
      })),
    )
    .returning({ id: studySessions.id, startsAt: studySessions.startsAt, hours: studySessions.hours });
  const draw = createDemoDraw(0x53545544); // "STUD"
  const serving = ctx.court.people.filter((p) => !p.retired).map((p) => ctx.personIds.get(p.key)!);
  const rows: (typeof studyAttendance.$inferInsert)[] = [];
  for (const s of sessions) {
    if (s.startsAt >= courtInstant(RECORDED_BEFORE)) continue;
    for (const personId of serving) {
      const roll = draw.next();
      const state = roll < 0.82 ? 'present' : roll < 0.92 ? 'leave' : 'absent';
      rows.push({
        tenantId,
        sessionId: s.id,
        personId,
        state,
        reason: state === 'leave' ? draw.pick(['外出开庭', '出差', '病假', '下乡巡回审判']) : null,
        signedInAt: state === 'present' ? new Date(s.startsAt.getTime() - draw.int(0, 15) * 60_000) : null,
        signInMethod: state === 'present' ? (draw.chance(0.8) ? 'code' : 'manual') : null,
        startsAt: s.startsAt,
        hours: s.hours,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 400) await tx.insert(studyAttendance).values(rows.slice(i, i + 400));
  // The members' goal 年度学习教育不少于32学时 is counted from this ledger, not reported.
  await linkStudyHourGoals(tx, tenantId, 2026);
}
