/**
 * 学习平台 for a seeded court: the working calendar (2026 official, 2027 assumed — see
 * work-calendar.data.ts) and the reference court's whole schedule for 2026 (mechanism.md §3a, the
 * presets of DEFAULT_STUDY_SCHEDULE): 晨会集体学习 with 工间操 every working day, 周三专题业务培训 and
 * 体能技能培训 every Wednesday, the monthly 专题讲座 — for all staff, attended January to October
 * with some on leave or absent. Two people away nearly all year (借调 from January, 病休 from February) fall behind, so the
 * secretary's list of who is behind has names in it.
 */
import { randomBytes } from 'node:crypto';
import { courtInstant, DEFAULT_STUDY_SCHEDULE, recurrenceDays, workCalendarOf, type StudyKind } from '@qizhi/domain';
import { studyAttendance, studyProgrammes, studySessions, workCalendarDays } from '../db/schema/index.ts';
import type { Db } from '../platform/db.ts';
import { linkStudyHourGoals } from '../modules/study/index.ts';
import type { DemoSeedContext } from './demo-goals.ts';
import { createDemoDraw } from './demo-random.ts';
import { OFFICIAL_WORK_CALENDARS } from './work-calendar.data.ts';

const TOPICS: Record<StudyKind, readonly string[]> = {
  lecture: [
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
  ],
  morning_study: [
    '学习《人民法院报》头版评论',
    '通报上周审判执行数据',
    '学习最高人民法院指导性案例',
    '学习《习近平法治思想学习纲要》选篇',
    '学习党章一章',
    '学习新发布的司法解释',
    '交流庭审驾驭心得',
    '学习廉政警示案例',
  ],
  business_training: [
    '民间借贷纠纷案件审理要点',
    '执行案件财产查控实务',
    '裁判文书说理与制作规范',
    '婚姻家庭案件调解技巧',
    '刑事附带民事诉讼实务',
    '诉讼服务中心窗口规范',
    '电子卷宗随案生成与深度应用',
    '立案登记制下的诉前调解',
  ],
  skills_training: ['法警技能与应急处置', '队列训练', '八段锦', '消防演练', '速录与计算机操作', '乒乓球与羽毛球'],
  other: ['集体学习'],
};
/** Attendance is recorded for sessions before this day (the demo's "so far"). */
const RECORDED_BEFORE = '2026-11-01';
/** Away from this day on (借调 to the intermediate court, 病休): absent from everything after it. */
const LONG_ABSENCES = [
  { from: '2026-01-05', reason: '借调至市中级人民法院' },
  { from: '2026-02-02', reason: '病休' },
] as const;

export async function seedDemoStudy(tx: Db, ctx: Pick<DemoSeedContext, 'tenantId' | 'court' | 'personIds'>) {
  const { tenantId } = ctx;
  await tx.insert(workCalendarDays).values(OFFICIAL_WORK_CALENDARS.map((d) => ({ tenantId, ...d })));
  const calendar = workCalendarOf(OFFICIAL_WORK_CALENDARS);
  const draw = createDemoDraw(0x53545544); // "STUD"
  const servingPeople = ctx.court.people.filter((p) => !p.retired);
  const serving = servingPeople.map((p) => ctx.personIds.get(p.key)!);
  // The two away are the last serving full members who have no demo account (a member has 学时 to earn).
  const withAccount = new Set(ctx.court.accounts.map((a) => a.personKey));
  const awayPeople = servingPeople
    .filter((p) => p.status === 'full' && !withAccount.has(p.key))
    .slice(-LONG_ABSENCES.length);
  const away = new Map(awayPeople.map((p, i) => [ctx.personIds.get(p.key)!, LONG_ABSENCES[i]!]));
  const recordedBefore = courtInstant(RECORDED_BEFORE);
  const rows: (typeof studyAttendance.$inferInsert)[] = [];
  for (const preset of DEFAULT_STUDY_SCHEDULE) {
    const place =
      preset.kind === 'skills_training' ? '法院健身房' : preset.kind === 'morning_study' ? '各庭室' : '第一审判庭';
    const [programme] = await tx
      .insert(studyProgrammes)
      .values({
        tenantId,
        title: preset.title,
        kind: preset.kind,
        recurrence: preset.recurrence,
        fromDay: '2026-01-01',
        toDay: '2026-12-31',
        startTime: preset.startTime,
        durationMinutes: preset.durationMinutes,
        hours: preset.hours,
        place,
        orgUnitId: null,
        courtTypes: ['learning'],
      })
      .returning();
    const topics = TOPICS[preset.kind];
    const days = recurrenceDays(calendar, preset.recurrence, '2026-01-01', '2026-12-31');
    const sessions = await tx
      .insert(studySessions)
      .values(
        days.map((day, i) => {
          const startsAt = courtInstant(day, preset.startTime);
          return {
            tenantId,
            programmeId: programme!.id,
            title: preset.title,
            kind: preset.kind,
            topic: topics[i % topics.length]!,
            startsAt,
            endsAt: new Date(startsAt.getTime() + preset.durationMinutes * 60_000),
            place,
            orgUnitId: null,
            hours: preset.hours,
            courtTypes: ['learning' as const],
            signInSecret: randomBytes(32).toString('base64url'),
          };
        }),
      )
      .returning({ id: studySessions.id, startsAt: studySessions.startsAt, hours: studySessions.hours });
    for (const s of sessions) {
      if (s.startsAt >= recordedBefore) continue;
      for (const personId of serving) {
        const absence = away.get(personId);
        const isAway = absence !== undefined && s.startsAt >= courtInstant(absence.from);
        const roll = draw.next();
        const state = isAway ? 'leave' : roll < 0.86 ? 'present' : roll < 0.95 ? 'leave' : 'absent';
        rows.push({
          tenantId,
          sessionId: s.id,
          personId,
          state,
          reason: isAway
            ? absence.reason
            : state === 'leave'
              ? draw.pick(['外出开庭', '出差', '病假', '下乡巡回审判'])
              : null,
          signedInAt: state === 'present' ? new Date(s.startsAt.getTime() - draw.int(0, 15) * 60_000) : null,
          signInMethod: state === 'present' ? (draw.chance(0.8) ? 'code' : 'manual') : null,
          startsAt: s.startsAt,
          hours: s.hours,
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(studyAttendance).values(rows.slice(i, i + 1000));
  // The members' goal 年度学习教育不少于32学时 is counted from this ledger, not reported.
  await linkStudyHourGoals(tx, tenantId, 2026);
}
