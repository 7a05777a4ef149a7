/**
 * 述职述廉 (annual duty-and-integrity reports): the people the court names — by default the 党组's
 * and the branches' secretaries and committee members — report each year against their public
 * commitment and goals, which are shown beside the report; a report is read at a meeting.
 */
import {
  meetingNamed,
  type DutyReport,
  type DutyReportMeetingRequest,
  type DutyReportRequest,
  type DutyReportsResponse,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { unitsOf } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { findDecidingMeeting, isBlankRichText, sanitizeRichText } from '../meetings/index.ts';
import { mayAttach } from '../files/index.ts';
import * as repo from './duty-reports.repo.ts';

async function toReport(db: Db, tenantId: string, r: repo.JoinedDutyReport): Promise<DutyReport> {
  const { report } = r;
  const [promises, goals] = await Promise.all([
    repo.findCommitmentPromises(db, tenantId, report.personId, report.year),
    repo.findGoalsOfPerson(db, tenantId, report.personId, report.year),
  ]);
  return {
    id: report.id,
    personId: report.personId,
    personName: r.personName,
    year: report.year,
    content: report.content,
    file:
      report.fileId && r.fileName !== null && r.fileMime !== null && r.fileSize !== null
        ? { id: report.fileId, name: r.fileName, mime: r.fileMime, size: r.fileSize }
        : null,
    meetingId: report.meetingId,
    meetingTitle: r.meetingType && r.meetingTopic !== null ? meetingNamed(r.meetingType, r.meetingTopic) : null,
    commitment: promises.length > 0 ? promises.map((p, i) => `${String(i + 1)}. ${p.text}`).join('\n') : null,
    goals: goals.map((g) => ({
      title: g.title,
      progress: g.acceptedValue === null || g.targetValue === 0 ? null : Math.min(1, g.acceptedValue / g.targetValue),
    })),
  };
}

/** The named reporters: secretaries and committee members of the 党组 and of the branches in scope. */
async function expectedReporters(ctx: RequestContext, unitIds: string[] | undefined) {
  const units = (await repo.findReportingUnits(ctx.db, ctx.tenantId)).filter(
    (u) => u.kind === 'party_group' || !unitIds || unitIds.includes(u.id),
  );
  const posts = new Map<string, string>();
  for (const u of units) {
    const group = u.kind === 'party_group' ? '党组' : '支部';
    if (u.secretaryPersonId && !posts.has(u.secretaryPersonId)) posts.set(u.secretaryPersonId, `${group}书记`);
    for (const seat of u.committee) if (!posts.has(seat.personId)) posts.set(seat.personId, seat.post);
  }
  const people = await repo.findPeopleNames(ctx.db, ctx.tenantId, [...posts.keys()]);
  return people
    .filter((p) => !unitIds || (p.orgUnitId !== null && unitIds.includes(p.orgUnitId)))
    .map((p) => ({ personId: p.id, name: p.name, post: posts.get(p.id)! }));
}

export async function listDutyReports(ctx: RequestContext, year: number): Promise<DutyReportsResponse> {
  const unitIds = unitsOf(await ctx.scopeOf('evaluations.read'));
  const personIds = unitIds ? await repo.findPeopleIdsOfUnits(ctx.db, ctx.tenantId, unitIds) : undefined;
  const rows = await repo.findDutyReports(ctx.db, ctx.tenantId, { year, personIds });
  const items = await Promise.all(rows.map((r) => toReport(ctx.db, ctx.tenantId, r)));
  const submitted = new Set(items.map((r) => r.personId));
  const expected = (await expectedReporters(ctx, unitIds)).map((e) => ({ ...e, submitted: submitted.has(e.personId) }));
  return { items, expected };
}

export async function myDutyReport(ctx: RequestContext, year: number): Promise<{ report: DutyReport | null }> {
  if (!ctx.personId) return { report: null };
  const [row] = await repo.findDutyReports(ctx.db, ctx.tenantId, { year, personIds: [ctx.personId] });
  return { report: row ? await toReport(ctx.db, ctx.tenantId, row) : null };
}

export async function saveMyDutyReport(ctx: RequestContext, input: DutyReportRequest): Promise<DutyReport> {
  if (!ctx.personId) throw new AppError('FORBIDDEN', '账号未关联花名册人员，不能提交述职述廉报告');
  const content = sanitizeRichText(input.content);
  if (isBlankRichText(content)) throw validationFailed([{ path: 'content', message: '请填写述职述廉报告' }]);
  if (input.fileId && !(await repo.fileExists(ctx.db, ctx.tenantId, input.fileId)))
    throw validationFailed([{ path: 'fileId', message: '附件不存在，请重新上传' }]);
  if (input.fileId) {
    // Only one's own upload (or the one the report already has): an id seen elsewhere is no way to a file.
    const [current] = await repo.findDutyReports(ctx.db, ctx.tenantId, { year: input.year, personIds: [ctx.personId] });
    if (!(await mayAttach(ctx, [input.fileId], current?.report.fileId ?? null)))
      throw validationFailed([{ path: 'fileId', message: '只能附加本人上传的文件，请重新上传' }]);
  }
  const saved = await ctx.db.transaction(async (tx) => {
    const row = await repo.upsertDutyReport(tx, {
      tenantId: ctx.tenantId,
      personId: ctx.personId!,
      year: input.year,
      content,
      fileId: input.fileId ?? null,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'duty_report.save',
      entity: 'duty_report',
      entityId: row.id,
      summary: `${ctx.actor.name ?? ''}提交${String(input.year)}年度述职述廉报告`,
    });
    return row;
  });
  return toReport(ctx.db, ctx.tenantId, (await repo.findDutyReportById(ctx.db, ctx.tenantId, saved.id))!);
}

/** Links the meeting the report was read at (述职述廉 is read at a meeting). */
export async function linkDutyReportMeeting(
  ctx: RequestContext,
  id: string,
  input: DutyReportMeetingRequest,
): Promise<DutyReport> {
  const row = await repo.findDutyReportById(ctx.db, ctx.tenantId, id);
  if (!row || !(await ctx.can('evaluations.read', row.personOrgUnitId))) throw notFound('述职述廉报告');
  if (!(await ctx.can('evaluations.manage', row.personOrgUnitId)))
    throw new AppError('FORBIDDEN', '只能管理本人负责的党组织的述职述廉');
  let title: string | null = null;
  if (input.meetingId) {
    const meeting = await findDecidingMeeting(ctx, input.meetingId).catch(() => {
      throw validationFailed([{ path: 'meetingId', message: '会议不存在' }]);
    });
    title = meeting.title;
  }
  await ctx.db.transaction(async (tx) => {
    await repo.setDutyReportMeeting(tx, ctx.tenantId, id, input.meetingId);
    await writeAudit(tx, ctx.actor, {
      action: 'duty_report.meeting',
      entity: 'duty_report',
      entityId: id,
      summary: title
        ? `${row.personName}${String(row.report.year)}年度述职述廉报告在${title}上宣读`
        : `取消${row.personName}${String(row.report.year)}年度述职述廉报告关联的会议`,
    });
  });
  return toReport(ctx.db, ctx.tenantId, (await repo.findDutyReportById(ctx.db, ctx.tenantId, id))!);
}
