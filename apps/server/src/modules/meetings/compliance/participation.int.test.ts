import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingAttendees, meetings, tenants } from '../../../db/schema/index.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { findParticipationByMonth } from './compliance.repo.ts';

/**
 * The six-month run (党章 art. 9) reads each member's months of organisational life: leave counts as
 * 请假 only once the host has approved it; asked for and never approved, it is absence (rules.md).
 */
let ctx: TestContext;
let tenantId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const [court] = await ctx.database.db.select({ id: tenants.id }).from(tenants).where(ne(tenants.code, 'fs'));
  tenantId = court!.id;
});
afterAll(async () => {
  await ctx.close();
});

describe('findParticipationByMonth', () => {
  it('counts unapproved leave as absence and approved leave as 请假', async () => {
    const db = ctx.database.db;
    const from = new Date(Date.now() - 400 * 86_400_000);
    const before = await findParticipationByMonth(db, tenantId, undefined, from);
    // A member-month with exactly one meeting, attended: its one attendance row decides the month.
    const [row] = await db
      .select({ meetingId: meetingAttendees.meetingId, personId: meetingAttendees.personId })
      .from(meetingAttendees)
      .innerJoin(
        meetings,
        and(eq(meetings.tenantId, meetingAttendees.tenantId), eq(meetings.id, meetingAttendees.meetingId)),
      )
      .where(
        and(
          eq(meetingAttendees.tenantId, tenantId),
          eq(meetingAttendees.state, 'present'),
          eq(meetings.type, 'theme_day'),
        ),
      );
    expect(row).toBeDefined();
    const monthOf = async () => {
      const rows = await findParticipationByMonth(db, tenantId, undefined, from);
      return rows.filter((r) => r.personId === row!.personId);
    };
    const setLeave = (approved: boolean) =>
      db
        .update(meetingAttendees)
        .set({ state: 'leave', leaveApproved: approved, reason: '外出开庭' })
        .where(and(eq(meetingAttendees.meetingId, row!.meetingId), eq(meetingAttendees.personId, row!.personId)));
    const attendedMonths = before.filter((r) => r.personId === row!.personId && r.attended).length;

    await setLeave(false);
    const unapproved = await monthOf();
    expect(unapproved.some((r) => r.absent)).toBe(true);
    expect(unapproved.filter((r) => r.attended).length).toBeLessThanOrEqual(attendedMonths);

    await setLeave(true);
    const approved = await monthOf();
    expect(approved.some((r) => r.excused && !r.absent)).toBe(true);
    expect(approved.filter((r) => r.absent).length).toBe(unapproved.filter((r) => r.absent).length - 1);
  });
});
