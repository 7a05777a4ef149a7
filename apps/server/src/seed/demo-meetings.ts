/**
 * A year of organisational life for the demo court: from 1 January of the seed day's year (in
 * Asia/Shanghai) to the seed day, at the frequencies of rules.md, with attendance, minutes, votes
 * and tasks — and a few true gaps: the 第二党小组 missed one month, one set of minutes was written
 * late, the latest committee meeting has no minutes a week on, one member has been absent without
 * reason for five months. Dates are relative to the seed day; everything else is deterministic.
 */
import { randomBytes } from 'node:crypto';
import {
  courtInstant,
  courtToday,
  coveredYearDefault,
  isAnnualItem,
  courtYearMonth,
  inCourtZone,
  type AttendanceState,
  type MeetingStatus,
  type MeetingType,
} from '@qizhi/domain';
import {
  deliberationMatters,
  meetingAttendees,
  meetingExemptions,
  meetings,
  meetingTasks,
  meetingVotes,
} from '../db/schema/index.ts';
import type { Db } from '../platform/db.ts';
import { DEMO_ORG_KEYS, type DemoCourt } from './demo-court.data.ts';
import { DEMO_DELIBERATION, DEMO_TOPICS, demoMinutes, LEAVE_REASONS } from './demo-meetings.topics.ts';
import { createDemoDraw } from './demo-random.ts';
import { demoCounts } from './demo-votes.ts';

export interface DemoMeetingsInput {
  tenantId: string;
  court: DemoCourt;
  orgIds: ReadonlyMap<string, string>;
  personIds: ReadonlyMap<string, string>;
  /** The seed day in Asia/Shanghai; defaults to today. */
  today?: string;
}

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** A wall-clock time at the court as an instant. */
const at = (y: number, m: number, d: number, hh: number, mm = 0) =>
  courtInstant(`${String(y)}-${pad(m)}-${pad(d)}`, `${pad(hh)}:${pad(mm)}`);

interface Planned {
  orgKey: string;
  type: MeetingType;
  topic: string;
  startsAt: Date;
  place: string;
  hostKey: string;
  recorderKey: string;
  /** Person keys expected; committee meetings list the committee. */
  attendeeKeys: string[];
  vote?: { kind: 'admission' | 'general_resolution'; subject: string };
  /** Days after the meeting the minutes were written; null = not yet written. */
  minutesAfterDays: number | null;
}

export async function seedDemoMeetings(tx: Db, input: DemoMeetingsInput): Promise<void> {
  const { tenantId, court } = input;
  const today = input.today ?? courtToday();
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const now = at(year, month, day, 12);
  const draw = createDemoDraw(0x4d454554); // "MEET"
  const random = () => draw.next();
  const pid = (key: string) => input.personIds.get(key)!;
  const oid = (key: string) => input.orgIds.get(key)!;
  const unit = (key: string) => court.orgUnits.find((u) => u.key === key)!;
  const branch = unit(DEMO_ORG_KEYS.branch);
  const group = unit(DEMO_ORG_KEYS.partyGroup);
  const cellKeys = [
    DEMO_ORG_KEYS.trialCell,
    DEMO_ORG_KEYS.enforcementCell,
    DEMO_ORG_KEYS.generalCell,
    DEMO_ORG_KEYS.retiredCell,
  ];
  const members = court.people.filter((p) => p.status === 'full' || p.status === 'probationary');
  const membersOf = (orgKey: string) =>
    members.filter((p) => (orgKey === DEMO_ORG_KEYS.branch ? true : p.orgUnitKey === orgKey)).map((p) => p.key);
  const committeeOf = (u: typeof branch) => [u.secretaryKey!, ...u.committee.map((c) => c.personKey)];
  const secretaryKey = branch.secretaryKey!;
  const recorderKey = branch.committee.find((c) => c.post === '组织委员')?.personKey ?? secretaryKey;
  // The member who drifts away: an in-service judge of the trial cell holding no account or post.
  const accountKeys = new Set(court.accounts.map((a) => a.personKey));
  const drifting = court.people.find(
    (p) => p.orgUnitKey === DEMO_ORG_KEYS.trialCell && p.status === 'full' && !p.partyPosts && !accountKeys.has(p.key),
  )?.key;
  // The two oldest retired members are excused from attending (年老体弱).
  const exempt = court.people
    .filter((p) => p.retired)
    .sort((a, b) => (a.birthDate < b.birthDate ? -1 : 1))
    .slice(0, 2)
    .map((p) => p.key);

  const plans: Planned[] = [];
  const plan = (p: Omit<Planned, 'minutesAfterDays'> & Partial<Pick<Planned, 'minutesAfterDays'>>) =>
    plans.push({ ...p, minutesAfterDays: p.minutesAfterDays ?? 1 });
  const lastMonth = Math.min(12, month + 1);
  const missedCellMonth = month - 4 >= 1 ? month - 4 : null;
  for (let m = 1; m <= lastMonth; m++) {
    plan({
      orgKey: DEMO_ORG_KEYS.branch,
      type: 'branch_committee',
      topic: DEMO_TOPICS.branch_committee[(m - 1) % 12]!,
      startsAt: at(year, m, 5, 9),
      place: '党员活动室',
      hostKey: secretaryKey,
      recorderKey,
      attendeeKeys: committeeOf(branch),
    });
    plan({
      orgKey: DEMO_ORG_KEYS.branch,
      type: 'theme_day',
      topic: DEMO_TOPICS.theme_day[(m - 1) % 12]!,
      startsAt: at(year, m, 10, 15),
      place: m % 3 === 0 ? '县廉政教育基地' : '党员活动室',
      hostKey: secretaryKey,
      recorderKey,
      attendeeKeys: membersOf(DEMO_ORG_KEYS.branch),
    });
    cellKeys.forEach((cellKey, i) => {
      if (cellKey === DEMO_ORG_KEYS.enforcementCell && m === missedCellMonth) return;
      const cell = unit(cellKey);
      const cellMembers = membersOf(cellKey);
      plan({
        orgKey: cellKey,
        type: 'cell',
        topic: DEMO_TOPICS.cell[(m - 1 + i) % 12]!,
        startsAt: at(year, m, 20 + i, cellKey === DEMO_ORG_KEYS.retiredCell ? 9 : 16, 30),
        place: cellKey === DEMO_ORG_KEYS.retiredCell ? '老干部活动中心' : '第' + String(i + 1) + '会议室',
        hostKey: cell.secretaryKey!,
        recorderKey: cellMembers.find((k) => k !== cell.secretaryKey) ?? cell.secretaryKey!,
        attendeeKeys: cellMembers,
      });
    });
    if (m % 3 === 2) {
      const q = (m + 1) / 3;
      plan({
        orgKey: DEMO_ORG_KEYS.branch,
        type: 'lecture',
        topic: DEMO_TOPICS.lecture[(q - 1) % 4]!,
        startsAt: at(year, m, 18, 15),
        place: '审判法庭大会议室',
        // The 党组 secretary gives at least one lecture a year.
        hostKey: q === 2 ? group.secretaryKey! : secretaryKey,
        recorderKey,
        attendeeKeys: membersOf(DEMO_ORG_KEYS.branch),
      });
    }
    if (m % 3 === 0) {
      plan({
        orgKey: DEMO_ORG_KEYS.branch,
        type: 'branch_general',
        topic: DEMO_TOPICS.branch_general[((m / 3 - 1) * 2) % 5]!,
        startsAt: at(year, m, 25, 15),
        place: '审判法庭大会议室',
        hostKey: secretaryKey,
        recorderKey,
        attendeeKeys: membersOf(DEMO_ORG_KEYS.branch),
        vote: { kind: 'general_resolution', subject: `${String(year)}年第${String(m / 3)}季度党建工作安排` },
      });
    }
  }
  // The admissions of this year's probationary members were voted at branch general meetings.
  for (const p of court.people.filter((x) => x.status === 'probationary' && x.joinedOn?.startsWith(String(year)))) {
    const [, pm, pd] = p.joinedOn!.split('-').map(Number) as [number, number, number];
    plan({
      orgKey: DEMO_ORG_KEYS.branch,
      type: 'branch_general',
      topic: `讨论接收${p.name}同志为预备党员`,
      startsAt: at(year, pm, pd, 15),
      place: '审判法庭大会议室',
      hostKey: secretaryKey,
      recorderKey,
      attendeeKeys: membersOf(DEMO_ORG_KEYS.branch),
      vote: { kind: 'admission', subject: `接收${p.name}同志为中共预备党员` },
    });
  }
  plan({
    orgKey: DEMO_ORG_KEYS.branch,
    type: 'org_life',
    topic: DEMO_TOPICS.org_life[0]!,
    startsAt: at(year, 1, 22, 15),
    place: '党员活动室',
    hostKey: secretaryKey,
    recorderKey,
    attendeeKeys: membersOf(DEMO_ORG_KEYS.branch),
  });
  plan({
    orgKey: DEMO_ORG_KEYS.branch,
    type: 'talk',
    topic: DEMO_TOPICS.talk[0]!,
    startsAt: at(year, 3, 12, 10),
    place: '支部书记办公室',
    hostKey: secretaryKey,
    recorderKey,
    attendeeKeys: [secretaryKey, drifting ?? recorderKey],
  });
  // The 党组's democratic life meeting is usually in Q4: planned for 18 December.
  plan({
    orgKey: DEMO_ORG_KEYS.partyGroup,
    type: 'democratic_life',
    topic: DEMO_TOPICS.democratic_life[0]!,
    startsAt: at(year, 12, 18, 9),
    place: '党组会议室',
    hostKey: group.secretaryKey!,
    recorderKey: secretaryKey,
    attendeeKeys: committeeOf(group),
  });
  plan({
    orgKey: DEMO_ORG_KEYS.partyGroup,
    type: 'other',
    topic: '党组会议：商议支部委员会提议事项',
    startsAt: at(year, 2, 12, 9),
    place: '党组会议室',
    hostKey: group.secretaryKey!,
    recorderKey: secretaryKey,
    attendeeKeys: committeeOf(group),
  });

  // Gaps: one set of minutes written 12 days late; the latest committee meeting a week old has none.
  const past = plans.filter((p) => p.startsAt < now).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const late = past.find((p) => p.type === 'theme_day' && courtYearMonth(p.startsAt).month === Math.max(1, month - 2));
  if (late) late.minutesAfterDays = 12;
  const overdue = [...past]
    .reverse()
    .find((p) => p.type === 'branch_committee' && now.getTime() - p.startsAt.getTime() > 8 * DAY);
  if (overdue) overdue.minutesAfterDays = null;

  // Granted two years ago, so before every meeting of the year (an exemption counts from its grant).
  const exemption = { reason: '年老体弱，行动不便', grantedAt: at(year - 2, 1, 1, 9) };
  await tx.insert(meetingExemptions).values(
    exempt.map((key) => ({
      tenantId,
      personId: pid(key),
      reason: exemption.reason,
      startsOn: `${String(year - 2)}-01-01`,
      createdAt: exemption.grantedAt,
    })),
  );
  const exemptSet = new Set(exempt);
  const exemptMap = new Map(exempt.map((key) => [key, exemption]));
  const meetingRows: (typeof meetings.$inferInsert)[] = [];
  const attendeeRows: (typeof meetingAttendees.$inferInsert)[] = [];
  const voteRows: (typeof meetingVotes.$inferInsert)[] = [];
  const taskRows: (typeof meetingTasks.$inferInsert)[] = [];
  const idOf = new Map<Planned, string>();
  const name = (key: string) => court.people.find((p) => p.key === key)?.name ?? '';
  const absentFrom = drifting ? at(year, Math.max(1, month - 4), 1, 0) : null;

  for (const p of plans) {
    const id = crypto.randomUUID();
    idOf.set(p, id);
    const isPast = p.startsAt < now;
    const writtenAt = p.minutesAfterDays === null ? null : new Date(p.startsAt.getTime() + p.minutesAfterDays * DAY);
    const hasMinutes = isPast && writtenAt !== null && writtenAt <= now;
    const states = new Map<string, { state: AttendanceState; reason: string | null }>();
    for (const key of p.attendeeKeys) {
      let state: AttendanceState = 'pending';
      let reason: string | null = exemptSet.has(key) ? '年老体弱，行动不便' : null;
      if (hasMinutes && !exemptSet.has(key)) {
        const r = random();
        if (key === drifting && absentFrom && p.startsAt >= absentFrom && p.type !== 'talk') state = 'absent';
        else if (r < 0.08) {
          state = 'leave';
          reason = LEAVE_REASONS[Math.floor(random() * LEAVE_REASONS.length)]!;
        } else state = 'present';
      }
      states.set(key, { state, reason });
    }
    const presentKeys = new Set(p.attendeeKeys.filter((k) => states.get(k)?.state === 'present'));
    const counted = demoCounts(
      court,
      {
        ...p,
        committeeKeys: p.type === 'branch_committee' ? committeeOf(branch) : undefined,
        presentKeys,
        exempt: exemptMap,
      },
      p.vote?.kind,
    );
    const { expected, present } = counted;
    const status: MeetingStatus = hasMinutes
      ? now.getTime() - p.startsAt.getTime() > 14 * DAY
        ? 'closed'
        : 'held'
      : p.startsAt.getTime() - now.getTime() < 45 * DAY
        ? 'notified'
        : 'planned';
    const speakers = p.attendeeKeys.filter((k) => states.get(k)?.state === 'present').slice(1, 4);
    const resolutions = p.vote
      ? [p.vote.subject]
      : p.type === 'branch_committee'
        ? [`同意${p.topic.replace(/^研究/, '')}`]
        : [];
    const minutes = hasMinutes
      ? demoMinutes({
          host: name(p.hostKey),
          recorder: name(p.recorderKey),
          expected,
          present,
          topic: p.topic,
          speakers: speakers.map(name),
          resolutions,
        })
      : null;
    meetingRows.push({
      tenantId,
      id,
      orgUnitId: oid(p.orgKey),
      type: p.type,
      topic: p.topic,
      startsAt: p.startsAt,
      coveredYear: isAnnualItem(p.type) ? coveredYearDefault(p.type, p.startsAt) : null,
      endsAt: inCourtZone(p.startsAt)
        .add(p.type === 'theme_day' ? 180 : 90, 'minute')
        .toDate(),
      place: p.place,
      hostPersonId: pid(p.hostKey),
      recorderPersonId: pid(p.recorderKey),
      agenda: `1. ${p.topic}\n2. 讨论发言\n3. 主持人总结`,
      status,
      minutes,
      minutesRecordedAt: hasMinutes ? writtenAt : null,
      resolutions,
      signInSecret: randomBytes(32).toString('hex'),
      notifiedAt: status === 'planned' ? null : new Date(p.startsAt.getTime() - 3 * DAY),
      closedAt: status === 'closed' ? new Date(p.startsAt.getTime() + 14 * DAY) : null,
      recordedExpected: status === 'closed' ? expected : null,
      recordedAttended: status === 'closed' ? present : null,
    });
    for (const key of p.attendeeKeys) {
      const s = states.get(key)!;
      attendeeRows.push({
        tenantId,
        meetingId: id,
        personId: pid(key),
        state: s.state,
        reason: s.reason,
        exempt: exemptSet.has(key),
        leaveApproved: s.state === 'leave',
        signedInAt: s.state === 'present' ? new Date(p.startsAt.getTime() - 5 * 60_000) : null,
        signInMethod: s.state === 'present' ? (random() < 0.7 ? 'code' : 'manual') : null,
        noticeReadAt:
          status === 'planned' || (!isPast && random() < 0.5) ? null : new Date(p.startsAt.getTime() - 2 * DAY),
      });
    }
    if (p.vote && hasMinutes) {
      voteRows.push({ tenantId, meetingId: id, subject: p.vote.subject, ...counted.vote });
    }
    if (p.type === 'branch_committee' && isPast) {
      const dueOn = courtToday(new Date(p.startsAt.getTime() + 20 * DAY));
      const ownerKey = branch.committee[p.startsAt.getUTCMonth() % branch.committee.length]!.personKey;
      const recent = now.getTime() - p.startsAt.getTime() < 40 * DAY;
      taskRows.push({
        tenantId,
        meetingId: id,
        title: `落实“${p.topic}”的会议决定`,
        ownerPersonId: pid(recent ? secretaryKey : ownerKey),
        dueOn,
        doneAt: recent ? null : new Date(p.startsAt.getTime() + 15 * DAY),
      });
    }
  }
  await tx.insert(meetings).values(meetingRows);
  for (let i = 0; i < attendeeRows.length; i += 1000)
    await tx.insert(meetingAttendees).values(attendeeRows.slice(i, i + 1000));
  if (voteRows.length) await tx.insert(meetingVotes).values(voteRows);
  if (taskRows.length) await tx.insert(meetingTasks).values(taskRows);

  // 四议两公开: a matter on its way, three steps done.
  const stepMeeting = (type: MeetingType, after: Date) =>
    past.find((p) => p.type === type && p.startsAt >= after && p.minutesAfterDays !== null);
  const s1 = stepMeeting('branch_committee', at(year, 2, 1, 0));
  const s2 = s1 && stepMeeting('other', s1.startsAt);
  const s3 = s2 && stepMeeting('branch_general', s2.startsAt);
  const step = (label: string, p: Planned | undefined, outcome: string) => ({
    label,
    meetingId: p ? idOf.get(p)! : null,
    heldOn: p ? courtToday(p.startsAt) : null,
    outcome: p ? outcome : null,
  });
  await tx.insert(deliberationMatters).values({
    tenantId,
    orgUnitId: oid(DEMO_ORG_KEYS.branch),
    title: DEMO_DELIBERATION.title(year),
    description: DEMO_DELIBERATION.description,
    steps: DEMO_DELIBERATION.steps.map(([label, outcome], i) => step(label, [s1, s2, s3][i], outcome)),
  });
}
