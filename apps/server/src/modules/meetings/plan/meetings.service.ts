import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  canHoldMeetingAt,
  collectSubtreeIds,
  MEETING_TYPE_LABELS,
  ORG_KIND_LABELS,
  sanitizeMinutesHtml,
  courtMonthStart,
  courtToday,
  type CreateMeetingRequest,
  type FieldIssue,
  type MeetingDetail,
  type MeetingPage,
  type MeetingsQuery,
  type MeetingType,
  type RevisionRequest,
  type UpdateMeetingRequest,
} from '@qizhi/domain';
import { meetingAttendees, meetingRevisions, meetings, type MeetingSnapshot } from '../../../db/schema/index.ts';
import { diffFields, writeAudit, type Actor } from '../../../platform/audit.ts';
import type { AuthContext } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, validationFailed } from '../../../platform/errors.ts';
import * as orgRepo from '../../org/org.repo.ts';
import { assertEditable, inScope, loadManagedMeeting, loadMeeting, scopeOf } from '../meeting-access.ts';
import { buildMeetingDetail, toListItem } from '../meeting-detail.ts';
import * as repo from '../meetings.repo.ts';

/** The first instant of a Shanghai calendar day, and of the day after another. */
function dayStart(isoDate: string, plusDays = 0): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(courtMonthStart(y, m).getTime() + (d - 1 + plusDays) * 86_400_000);
}

export async function listMeetings(db: Db, auth: AuthContext, query: MeetingsQuery): Promise<MeetingPage> {
  const tenantId = auth.user.tenantId;
  const scope = await scopeOf(db, auth, 'meetings.read');
  let orgUnitIds: string[] | undefined = scope.all ? undefined : scope.orgUnitIds;
  if (query.orgUnitId) {
    const subtree = collectSubtreeIds(await orgRepo.findOrgUnitsOfTenant(db, tenantId), query.orgUnitId);
    orgUnitIds = orgUnitIds ? subtree.filter((id) => orgUnitIds?.includes(id)) : subtree;
  }
  const where = repo.meetingConditions(tenantId, {
    orgUnitIds,
    type: query.type,
    status: query.status,
    from: query.from ? dayStart(query.from) : undefined,
    to: query.to ? dayStart(query.to, 1) : undefined,
  });
  const { rows, total } = await repo.findMeetingPage(db, where, query);
  return { items: rows.map(toListItem), total, page: query.page, pageSize: query.pageSize };
}

export async function getMeeting(db: Db, auth: AuthContext, id: string): Promise<MeetingDetail> {
  return buildMeetingDetail(db, await loadMeeting(db, auth, id));
}

async function checkPeople(db: Db, tenantId: string, input: Partial<CreateMeetingRequest>, issues: FieldIssue[]) {
  for (const field of ['hostPersonId', 'recorderPersonId'] as const) {
    const id = input[field];
    if (!id) continue;
    const [found] = await repo.findPeopleByIds(db, tenantId, [id]);
    if (!found)
      issues.push({ path: field, message: field === 'hostPersonId' ? '所选主持人不存在' : '所选记录人不存在' });
  }
}

function checkTimes(startsAt: string | Date, endsAt: string | Date | null | undefined, issues: FieldIssue[]) {
  if (endsAt && new Date(endsAt) <= new Date(startsAt))
    issues.push({ path: 'endsAt', message: '结束时间应晚于开始时间' });
}

/**
 * Who is expected: the organisation's party members (its subtree: a branch meeting includes the
 * cells' members), or its committee for committee meetings; exempted members stay on the list,
 * marked, with the reason, and outside 应到.
 */
async function planAttendees(
  db: Db,
  tenantId: string,
  org: orgRepo.OrgUnitRow,
  type: MeetingType,
  startsAt: Date,
): Promise<(typeof meetingAttendees.$inferInsert)[]> {
  const committee = type === 'branch_committee' || type === 'democratic_life';
  let members: { id: string; status: string; retired: boolean }[];
  if (committee) {
    const ids = [org.secretaryPersonId, ...org.committee.map((c) => c.personId)].filter((x): x is string => !!x);
    members = await repo.findPeopleByIds(db, tenantId, [...new Set(ids)]);
  } else if (type === 'talk') {
    members = [];
  } else {
    const subtree = collectSubtreeIds(await orgRepo.findOrgUnitsOfTenant(db, tenantId), org.id);
    members = await repo.findMembersOfOrgUnits(db, tenantId, subtree);
  }
  const exemptions = new Map(
    (await repo.findActiveExemptions(db, tenantId, courtToday(startsAt))).map((e) => [e.personId, e.reason]),
  );
  return members.map((p) => {
    const reason = exemptions.get(p.id);
    return {
      tenantId,
      meetingId: '',
      personId: p.id,
      exempt: reason !== undefined,
      reason: reason ?? null,
      voting: committee || (p.status === 'full' && !p.retired),
    };
  });
}

export async function createMeeting(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  input: CreateMeetingRequest,
): Promise<MeetingDetail> {
  const tenantId = auth.user.tenantId;
  const issues: FieldIssue[] = [];
  const org = await orgRepo.findOrgUnit(db, tenantId, input.orgUnitId);
  if (!org) throw validationFailed([{ path: 'orgUnitId', message: '所选党组织不存在' }]);
  if (!inScope(await scopeOf(db, auth, 'meetings.manage'), org.id))
    throw new AppError('FORBIDDEN', '只能为本人负责的党组织安排会议');
  if (!canHoldMeetingAt(input.type, org.kind)) {
    throw new AppError(
      'MEETING_TYPE_NOT_ALLOWED',
      `${ORG_KIND_LABELS[org.kind]}不能召开${MEETING_TYPE_LABELS[input.type]}`,
      { issues: [{ path: 'type', message: `${ORG_KIND_LABELS[org.kind]}不能召开${MEETING_TYPE_LABELS[input.type]}` }] },
    );
  }
  await checkPeople(db, tenantId, input, issues);
  checkTimes(input.startsAt, input.endsAt, issues);
  if (issues.length > 0) throw validationFailed(issues);
  const startsAt = new Date(input.startsAt);
  const attendees = await planAttendees(db, tenantId, org, input.type, startsAt);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetings)
      .values({
        tenantId,
        orgUnitId: org.id,
        type: input.type,
        topic: input.topic,
        startsAt,
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
        place: input.place,
        hostPersonId: input.hostPersonId ?? null,
        recorderPersonId: input.recorderPersonId ?? null,
        agenda: input.agenda ?? null,
        signInSecret: randomBytes(32).toString('hex'),
      })
      .returning({ id: meetings.id });
    const meetingId = row!.id;
    if (attendees.length > 0) await tx.insert(meetingAttendees).values(attendees.map((a) => ({ ...a, meetingId })));
    await writeAudit(tx, actor, {
      action: 'meeting.create',
      entity: 'meeting',
      entityId: meetingId,
      summary: `计划会议：${org.name} ${MEETING_TYPE_LABELS[input.type]}「${input.topic}」（应到${String(attendees.filter((a) => !a.exempt).length)}人）`,
      after: { ...input },
    });
    return meetingId;
  });
  return getMeeting(db, auth, id);
}

export async function updateMeeting(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: UpdateMeetingRequest,
): Promise<MeetingDetail> {
  const { row } = await loadManagedMeeting(db, auth, id);
  assertEditable(row);
  const m = row.meeting;
  const issues: FieldIssue[] = [];
  await checkPeople(db, auth.user.tenantId, input, issues);
  checkTimes(input.startsAt ?? m.startsAt, input.endsAt === undefined ? m.endsAt : input.endsAt, issues);
  if (issues.length > 0) throw validationFailed(issues);
  const values = {
    topic: input.topic,
    place: input.place,
    agenda: input.agenda,
    hostPersonId: input.hostPersonId,
    recorderPersonId: input.recorderPersonId,
    startsAt: input.startsAt ? new Date(input.startsAt) : undefined,
    endsAt: input.endsAt === undefined ? undefined : input.endsAt === null ? null : new Date(input.endsAt),
  };
  const diff = diffFields(m as unknown as Record<string, unknown>, values);
  if (diff) {
    await db.transaction(async (tx) => {
      await tx
        .update(meetings)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(meetings.tenantId, m.tenantId), eq(meetings.id, id)));
      await writeAudit(tx, actor, {
        action: 'meeting.update',
        entity: 'meeting',
        entityId: id,
        summary: `修改会议安排：「${values.topic ?? m.topic}」（${Object.keys(diff.after).join('、')}）`,
        before: diff.before,
        after: diff.after,
      });
    });
  }
  return getMeeting(db, auth, id);
}

async function setStatus(
  db: Db,
  actor: Actor,
  row: repo.LoadedRow,
  values: Partial<typeof meetings.$inferInsert>,
  action: string,
  summary: string,
) {
  const m = row.meeting;
  await db.transaction(async (tx) => {
    await tx
      .update(meetings)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(meetings.tenantId, m.tenantId), eq(meetings.id, m.id)));
    await writeAudit(tx, actor, {
      action,
      entity: 'meeting',
      entityId: m.id,
      summary: `${summary}：「${m.topic}」`,
      before: { status: m.status },
      after: { status: values.status ?? m.status },
    });
  });
}

/** The notice goes to every attendee's home page; notifying again (after a change) is allowed. */
export async function notifyMeeting(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<MeetingDetail> {
  const { row } = await loadManagedMeeting(db, auth, id);
  assertEditable(row);
  const status = row.meeting.status === 'planned' ? 'notified' : row.meeting.status;
  await setStatus(db, actor, row, { status, notifiedAt: new Date() }, 'meeting.notify', '发出会议通知');
  return getMeeting(db, auth, id);
}

export async function cancelMeeting(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<MeetingDetail> {
  const { row } = await loadManagedMeeting(db, auth, id);
  assertEditable(row);
  await setStatus(db, actor, row, { status: 'cancelled' }, 'meeting.cancel', '取消会议');
  return getMeeting(db, auth, id);
}

/** Closing locks the record: minutes written and everybody's attendance settled. */
export async function closeMeeting(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<MeetingDetail> {
  const { row } = await loadManagedMeeting(db, auth, id);
  assertEditable(row);
  if (!row.meeting.minutes) throw new AppError('MINUTES_REQUIRED');
  const attendees = await repo.findAttendees(db, auth.user.tenantId, [id]);
  const pending = attendees.filter((a) => a.attendee.state === 'pending' && !a.attendee.exempt);
  if (pending.length > 0) {
    throw new AppError(
      'ATTENDANCE_INCOMPLETE',
      `还有${String(pending.length)}人未登记出席情况（${pending
        .slice(0, 5)
        .map((p) => p.name)
        .join('、')}${pending.length > 5 ? '等' : ''}），请先登记`,
    );
  }
  await setStatus(db, actor, row, { status: 'closed', closedAt: new Date() }, 'meeting.close', '会议归档锁定');
  return getMeeting(db, auth, id);
}

function snapshotOf(m: repo.MeetingRow): MeetingSnapshot {
  return { topic: m.topic, place: m.place, agenda: m.agenda, minutes: m.minutes, resolutions: m.resolutions };
}

/** A correction to a closed meeting: the version before it is kept whole, the change is audited. */
export async function reviseMeeting(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: RevisionRequest,
): Promise<MeetingDetail> {
  const { row } = await loadManagedMeeting(db, auth, id);
  const m = row.meeting;
  if (m.status !== 'closed') throw new AppError('MEETING_NOT_CLOSED');
  const { reason, ...changes } = input;
  const values = {
    ...changes,
    minutes: changes.minutes === undefined ? undefined : sanitizeMinutesHtml(changes.minutes),
  };
  const diff = diffFields(snapshotOf(m) as unknown as Record<string, unknown>, values);
  if (!diff) throw validationFailed([{ path: '', message: '更正内容与原记录相同' }]);
  const revision = m.revision + 1;
  await db.transaction(async (tx) => {
    await tx.insert(meetingRevisions).values({
      tenantId: m.tenantId,
      meetingId: id,
      revision,
      reason,
      previous: snapshotOf(m),
      createdByUserId: actor.userId,
      createdByName: actor.name,
    });
    await tx
      .update(meetings)
      .set({ ...values, revision, updatedAt: new Date() })
      .where(and(eq(meetings.tenantId, m.tenantId), eq(meetings.id, id)));
    await writeAudit(tx, actor, {
      action: 'meeting.revise',
      entity: 'meeting',
      entityId: id,
      summary: `更正已归档会议「${m.topic}」（第${String(revision)}次更正：${reason}）`,
      before: diff.before,
      after: { ...diff.after, reason },
    });
  });
  return getMeeting(db, auth, id);
}

export async function listRevisions(db: Db, auth: AuthContext, id: string) {
  await loadMeeting(db, auth, id);
  const rows = await repo.findRevisions(db, auth.user.tenantId, id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      revision: r.revision,
      reason: r.reason,
      previous: r.previous,
      createdAt: r.createdAt.toISOString(),
      createdByName: r.createdByName,
    })),
  };
}

/** The signed-in person's meetings from a month ago on: notices on the home page and the phone. */
export async function listMyMeetings(db: Db, auth: AuthContext) {
  const personId = auth.user.personId;
  if (!personId) return { items: [] };
  const now = Date.now();
  const rows = await repo.findMeetingsOfPerson(
    db,
    auth.user.tenantId,
    personId,
    new Date(now - 31 * 86_400_000),
    new Date(now + 366 * 86_400_000),
  );
  return {
    items: rows
      .filter((r) => r.meeting.status !== 'cancelled')
      .map((r) => ({
        ...toListItem(r),
        myState: r.myState ?? 'pending',
        noticeReadAt: r.noticeReadAt?.toISOString() ?? null,
      })),
  };
}

/** A read receipt for the notice; not a change to the record, so not audited. */
export async function markNoticeRead(db: Db, auth: AuthContext, id: string): Promise<void> {
  const { attendee } = await loadMeeting(db, auth, id);
  if (!attendee) throw new AppError('NOT_AN_ATTENDEE');
  if (attendee.noticeReadAt) return;
  await db
    .update(meetingAttendees)
    .set({ noticeReadAt: new Date() })
    .where(
      and(
        eq(meetingAttendees.tenantId, attendee.tenantId),
        eq(meetingAttendees.meetingId, id),
        eq(meetingAttendees.personId, attendee.personId),
      ),
    );
}
