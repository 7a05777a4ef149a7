import { randomBytes } from 'node:crypto';
import {
  canHoldMeetingAt,
  collectSubtreeIds,
  courtInstant,
  inCourtZone,
  MEETING_TYPE_LABELS,
  ORG_KIND_LABELS,
  type CreateMeetingRequest,
  type FieldIssue,
  type MeetingDetail,
  type MeetingPage,
  type MeetingsQuery,
  type MeetingType,
  type UpdateMeetingRequest,
} from '@qizhi/domain';
import { diffFields, writeAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, validationFailed } from '../../../platform/errors.ts';
import { covers, unitsOf } from '../../../platform/policy.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { assertEditable, loadManagedMeeting, loadMeeting } from '../meeting-access.ts';
import { annualFieldsOf, talkAttendees } from './annual-fields.ts';
import { getMeeting, toListItems, toUncountedListItem } from '../meeting-detail.ts';
import { meetingNotice, queueNotice } from '../../notifications/index.ts';
import { setMeetingStatus } from '../meeting-status.ts';
import * as meetingsRepo from '../meetings.repo.ts';
import * as repo from './plan.repo.ts';

export async function listMeetings(ctx: RequestContext, query: MeetingsQuery): Promise<MeetingPage> {
  const scope = await ctx.scopeOf('meetings.read');
  let orgUnitIds = unitsOf(scope);
  if (query.orgUnitId) {
    const subtree = collectSubtreeIds(await meetingsRepo.findOrgUnits(ctx.db, ctx.tenantId), query.orgUnitId);
    orgUnitIds = subtree.filter((id) => covers(scope, id));
  }
  const filter = {
    orgUnitIds,
    type: query.type,
    status: query.status,
    from: query.from ? courtInstant(query.from) : undefined,
    to: query.to ? inCourtZone(courtInstant(query.to)).add(1, 'day').toDate() : undefined,
  };
  const { rows, total } = await meetingsRepo.findMeetingPage(ctx.db, ctx.tenantId, filter, query);
  const items = (await toListItems(ctx.db, ctx.tenantId, rows)).map((r) => r.item);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

async function checkPeople(ctx: RequestContext, input: Partial<CreateMeetingRequest>, issues: FieldIssue[]) {
  for (const field of ['hostPersonId', 'recorderPersonId'] as const) {
    const id = input[field];
    if (!id) continue;
    const [found] = await meetingsRepo.findPeopleByIds(ctx.db, ctx.tenantId, [id]);
    if (!found)
      issues.push({ path: field, message: field === 'hostPersonId' ? '所选主持人不存在' : '所选记录人不存在' });
  }
}

function checkTimes(startsAt: string | Date, endsAt: string | Date | null | undefined, issues: FieldIssue[]) {
  if (endsAt && new Date(endsAt) <= new Date(startsAt))
    issues.push({ path: 'endsAt', message: '结束时间应晚于开始时间' });
}

/**
 * Who is on the list: the organisation's party members (its subtree: a branch meeting includes the
 * cells' members), or its committee for committee meetings. Who of them counts — 应到, exemptions
 * granted up to the start, discipline on the day — is decided on every read by entitlementOf.
 */
async function planAttendees(
  db: Db,
  tenantId: string,
  units: meetingsRepo.OrgUnitOfMeeting[],
  org: meetingsRepo.OrgUnitOfMeeting,
  type: MeetingType,
): Promise<repo.NewAttendee[]> {
  const committee = type === 'branch_committee' || type === 'democratic_life';
  let members: { id: string }[];
  if (committee) {
    const ids = [org.secretaryPersonId, ...org.committee.map((c) => c.personId)].filter((x): x is string => !!x);
    members = await meetingsRepo.findPeopleByIds(db, tenantId, [...new Set(ids)]);
  } else if (type === 'talk') {
    members = [];
  } else {
    members = await repo.findMembersOfOrgUnits(db, tenantId, collectSubtreeIds(units, org.id));
  }
  return members.map((p) => ({ tenantId, personId: p.id }));
}

export async function createMeeting(ctx: RequestContext, input: CreateMeetingRequest): Promise<MeetingDetail> {
  const issues: FieldIssue[] = [];
  const units = await meetingsRepo.findOrgUnits(ctx.db, ctx.tenantId);
  const org = units.find((u) => u.id === input.orgUnitId);
  if (!org) throw validationFailed([{ path: 'orgUnitId', message: '所选党组织不存在' }]);
  if (!(await ctx.can('meetings.manage', org.id))) throw new AppError('FORBIDDEN', '只能为本人负责的党组织安排会议');
  if (!canHoldMeetingAt(input.type, org.kind)) {
    const message = `${ORG_KIND_LABELS[org.kind]}不能召开${MEETING_TYPE_LABELS[input.type]}`;
    throw new AppError('MEETING_TYPE_NOT_ALLOWED', message, { issues: [{ path: 'type', message }] });
  }
  await checkPeople(ctx, input, issues);
  checkTimes(input.startsAt, input.endsAt, issues);
  if (issues.length > 0) throw validationFailed(issues);
  const startsAt = new Date(input.startsAt);
  const annual = annualFieldsOf(input.type, startsAt, input);
  const talkWith = await talkAttendees(ctx, input.type, input.talkPersonIds);
  const attendees = [...(await planAttendees(ctx.db, ctx.tenantId, units, org, input.type)), ...talkWith];
  const id = await ctx.db.transaction(async (tx) => {
    const meetingId = await repo.insertMeeting(
      tx,
      {
        tenantId: ctx.tenantId,
        orgUnitId: org.id,
        type: input.type,
        topic: input.topic,
        startsAt,
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
        place: input.place,
        hostPersonId: input.hostPersonId ?? null,
        recorderPersonId: input.recorderPersonId ?? null,
        agenda: input.agenda ?? null,
        ...annual,
        signInSecret: randomBytes(32).toString('hex'),
      },
      attendees,
    );
    await writeAudit(tx, ctx.actor, {
      action: 'meeting.create',
      entity: 'meeting',
      entityId: meetingId,
      summary: `计划会议：${org.name} ${MEETING_TYPE_LABELS[input.type]}「${input.topic}」（名单${String(attendees.length)}人）`,
      after: { ...input },
    });
    return meetingId;
  });
  return getMeeting(ctx, id);
}

export async function updateMeeting(
  ctx: RequestContext,
  id: string,
  input: UpdateMeetingRequest,
): Promise<MeetingDetail> {
  const { row } = await loadManagedMeeting(ctx, id);
  assertEditable(row);
  const m = row.meeting;
  const issues: FieldIssue[] = [];
  await checkPeople(ctx, input, issues);
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
    ...annualFieldsOf(m.type, input.startsAt ? new Date(input.startsAt) : m.startsAt, input, m),
  };
  const diff = diffFields(m as unknown as Record<string, unknown>, values);
  if (diff) {
    await ctx.db.transaction(async (tx) => {
      await meetingsRepo.updateMeeting(tx, ctx.tenantId, id, values);
      await writeAudit(tx, ctx.actor, {
        action: 'meeting.update',
        entity: 'meeting',
        entityId: id,
        summary: `修改会议安排：「${values.topic ?? m.topic}」（${Object.keys(diff.after).join('、')}）`,
        before: diff.before,
        after: diff.after,
      });
    });
  }
  return getMeeting(ctx, id);
}

/** The notice goes to every attendee's home page; notifying again (after a change) is allowed. */
export async function notifyMeeting(ctx: RequestContext, id: string): Promise<MeetingDetail> {
  const { row } = await loadManagedMeeting(ctx, id);
  assertEditable(row);
  const status = row.meeting.status === 'planned' ? 'notified' : row.meeting.status;
  const notifiedAt = new Date();
  await setMeetingStatus(ctx, row, { status, notifiedAt }, 'meeting.notify', '发出会议通知');
  const detail = await getMeeting(ctx, id);
  // To the court's group robots and e-mail too, in the background: never in the way of the notice.
  await queueNotice(ctx.db, ctx.tenantId, meetingNotice(detail, notifiedAt));
  return detail;
}

export async function cancelMeeting(ctx: RequestContext, id: string): Promise<MeetingDetail> {
  const { row } = await loadManagedMeeting(ctx, id);
  assertEditable(row);
  await setMeetingStatus(ctx, row, { status: 'cancelled' }, 'meeting.cancel', '取消会议');
  return getMeeting(ctx, id);
}

/** The signed-in person's meetings from a month ago on: notices on the home page and the phone. */
export async function listMyMeetings(ctx: RequestContext) {
  const personId = ctx.personId;
  if (!personId) return { items: [] };
  const now = inCourtZone();
  const rows = await meetingsRepo.findMeetingsOfPerson(
    ctx.db,
    ctx.tenantId,
    personId,
    now.subtract(31, 'day').toDate(),
    now.add(366, 'day').toDate(),
  );
  return {
    items: rows
      .filter((r) => r.meeting.status !== 'cancelled')
      .map((row) => ({
        ...toUncountedListItem(row),
        myState: row.myState ?? 'pending',
        noticeReadAt: row.noticeReadAt?.toISOString() ?? null,
      })),
  };
}

/** A read receipt for the notice; not a change to the record, so not audited. */
export async function markNoticeRead(ctx: RequestContext, id: string): Promise<void> {
  const { attendee } = await loadMeeting(ctx, id);
  if (!attendee) throw new AppError('NOT_AN_ATTENDEE');
  if (attendee.noticeReadAt) return;
  await repo.markNoticeRead(ctx.db, ctx.tenantId, id, attendee.personId);
}
