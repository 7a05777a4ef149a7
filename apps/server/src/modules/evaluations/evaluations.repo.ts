import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  evaluationBallotMarks,
  evaluationBallots,
  evaluationElectors,
  evaluationRounds,
  evaluationSubjects,
  evaluationVoters,
  meetings,
  orgUnits,
  people,
  tenants,
} from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type RoundRow = typeof evaluationRounds.$inferSelect;
export type SubjectRow = typeof evaluationSubjects.$inferSelect;

export async function findOrgUnits(db: Db, tenantId: string) {
  return db
    .select({ id: orgUnits.id, parentId: orgUnits.parentId, kind: orgUnits.kind, name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, tenantId));
}

export async function findSettings(db: Db, tenantId: string) {
  const [row] = await db.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.settings ?? {};
}

const subjectCount = sql<number>`(select count(*)::int from ${evaluationSubjects} s where s.tenant_id = "evaluation_rounds"."tenant_id" and s.round_id = "evaluation_rounds"."id")`;

/** Rounds with their branch's name, deciding meeting and number of evaluated members. */
export async function findRounds(
  db: Db,
  tenantId: string,
  filter: { orgUnitIds?: string[] | undefined; year?: number | undefined; ids?: string[] },
) {
  if (filter.orgUnitIds?.length === 0 || filter.ids?.length === 0) return [];
  return db
    .select({
      round: evaluationRounds,
      orgUnitName: orgUnits.name,
      meetingType: meetings.type,
      meetingTopic: meetings.topic,
      subjectCount,
    })
    .from(evaluationRounds)
    .innerJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, evaluationRounds.tenantId), eq(orgUnits.id, evaluationRounds.orgUnitId)),
    )
    .leftJoin(
      meetings,
      and(eq(meetings.tenantId, evaluationRounds.tenantId), eq(meetings.id, evaluationRounds.meetingId)),
    )
    .where(
      and(
        eq(evaluationRounds.tenantId, tenantId),
        filter.orgUnitIds ? inArray(evaluationRounds.orgUnitId, filter.orgUnitIds) : undefined,
        filter.year ? eq(evaluationRounds.coveredYear, filter.year) : undefined,
        filter.ids ? inArray(evaluationRounds.id, filter.ids) : undefined,
      ),
    )
    .orderBy(sql`${evaluationRounds.coveredYear} desc`, asc(orgUnits.sortOrder), asc(evaluationRounds.pool));
}
export type JoinedRound = Awaited<ReturnType<typeof findRounds>>[number];

export async function insertRound(db: Db, values: typeof evaluationRounds.$inferInsert): Promise<RoundRow> {
  const [row] = await db.insert(evaluationRounds).values(values).returning();
  return row!;
}

export async function updateRound(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<Pick<RoundRow, 'step' | 'meetingId' | 'voteId'>>,
) {
  await db
    .update(evaluationRounds)
    .set(values)
    .where(and(eq(evaluationRounds.tenantId, tenantId), eq(evaluationRounds.id, id)));
}

/** Moves a round only from the step it was read in, so two requests cannot both move it. */
export async function moveRoundStep(
  db: Db,
  tenantId: string,
  id: string,
  from: RoundRow['step'],
  to: RoundRow['step'],
) {
  const rows = await db
    .update(evaluationRounds)
    .set({ step: to })
    .where(and(eq(evaluationRounds.tenantId, tenantId), eq(evaluationRounds.id, id), eq(evaluationRounds.step, from)))
    .returning({ id: evaluationRounds.id });
  return rows.length === 1;
}

/** The party members (正式党员, 预备党员) of these organisation units. */
export async function findMembersOfUnits(db: Db, tenantId: string, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(
      and(
        eq(people.tenantId, tenantId),
        inArray(people.orgUnitId, unitIds),
        inArray(people.status, ['full', 'probationary']),
      ),
    )
    .orderBy(people.statusRank, sql`${people.name} collate "C"`, people.id);
}

/** Every serving staff member of the court, party member or not (全院干警). */
export async function findServingStaff(db: Db, tenantId: string) {
  return db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.retired, false)));
}

export async function insertSubjects(db: Db, tenantId: string, roundId: string, personIds: string[]) {
  if (personIds.length === 0) return;
  await db.insert(evaluationSubjects).values(personIds.map((personId) => ({ tenantId, roundId, personId })));
}

export async function findSubjects(db: Db, tenantId: string, roundId: string) {
  return db
    .select({ subject: evaluationSubjects, name: people.name })
    .from(evaluationSubjects)
    .innerJoin(
      people,
      and(eq(people.tenantId, evaluationSubjects.tenantId), eq(people.id, evaluationSubjects.personId)),
    )
    .where(and(eq(evaluationSubjects.tenantId, tenantId), eq(evaluationSubjects.roundId, roundId)))
    .orderBy(people.statusRank, sql`${people.name} collate "C"`, people.id);
}
export type JoinedSubject = Awaited<ReturnType<typeof findSubjects>>[number];

export async function updateSubject(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<Omit<typeof evaluationSubjects.$inferInsert, 'tenantId' | 'id' | 'roundId' | 'personId'>>,
) {
  await db
    .update(evaluationSubjects)
    .set(values)
    .where(and(eq(evaluationSubjects.tenantId, tenantId), eq(evaluationSubjects.id, id)));
}

/** The rows in which this person is evaluated, with their rounds. */
export async function findSubjectRowsOfPerson(db: Db, tenantId: string, personId: string) {
  return db
    .select({ subject: evaluationSubjects, roundId: evaluationRounds.id })
    .from(evaluationSubjects)
    .innerJoin(
      evaluationRounds,
      and(
        eq(evaluationRounds.tenantId, evaluationSubjects.tenantId),
        eq(evaluationRounds.id, evaluationSubjects.roundId),
      ),
    )
    .where(and(eq(evaluationSubjects.tenantId, tenantId), eq(evaluationSubjects.personId, personId)));
}

export async function insertElectors(db: Db, tenantId: string, roundId: string, personIds: string[]) {
  if (personIds.length === 0) return;
  await db
    .insert(evaluationElectors)
    .values(personIds.map((personId) => ({ tenantId, roundId, personId })))
    .onConflictDoNothing();
}

/** The rounds this person may vote in, and whether they have. */
export async function findElectorRounds(db: Db, tenantId: string, personId: string) {
  return db
    .select({
      roundId: evaluationElectors.roundId,
      // Named in full: in a one-table select Drizzle leaves the outer columns unqualified.
      hasVoted: sql<boolean>`exists (select 1 from ${evaluationVoters} v where v.tenant_id = "evaluation_electors"."tenant_id" and v.round_id = "evaluation_electors"."round_id" and v.person_id = "evaluation_electors"."person_id")`,
    })
    .from(evaluationElectors)
    .where(and(eq(evaluationElectors.tenantId, tenantId), eq(evaluationElectors.personId, personId)));
}

export async function isElector(db: Db, tenantId: string, roundId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ personId: evaluationElectors.personId })
    .from(evaluationElectors)
    .where(
      and(
        eq(evaluationElectors.tenantId, tenantId),
        eq(evaluationElectors.roundId, roundId),
        eq(evaluationElectors.personId, personId),
      ),
    );
  return row !== undefined;
}

export async function hasVoted(db: Db, tenantId: string, roundId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ personId: evaluationVoters.personId })
    .from(evaluationVoters)
    .where(
      and(
        eq(evaluationVoters.tenantId, tenantId),
        eq(evaluationVoters.roundId, roundId),
        eq(evaluationVoters.personId, personId),
      ),
    );
  return row !== undefined;
}

/**
 * Marks the person as having voted. False when they already had: the primary key decides, so of
 * any number of concurrent casts exactly one marks and the rest wait for it and find the row.
 */
/** The round's step, read with a share lock: closing waits for a ballot being cast, and a cast after closing sees it. */
export async function lockRoundStep(db: Db, tenantId: string, roundId: string) {
  const [row] = await db
    .select({ step: evaluationRounds.step })
    .from(evaluationRounds)
    .where(and(eq(evaluationRounds.tenantId, tenantId), eq(evaluationRounds.id, roundId)))
    .for('share');
  return row?.step;
}

export async function markVoted(db: Db, tenantId: string, roundId: string, personId: string): Promise<boolean> {
  const rows = await db
    .insert(evaluationVoters)
    .values({ tenantId, roundId, personId })
    .onConflictDoNothing()
    .returning({ personId: evaluationVoters.personId });
  return rows.length === 1;
}

/** Stores a ballot: a random id and the round; the marks point at the ballot, never at the voter. */
export async function insertBallot(
  db: Db,
  tenantId: string,
  roundId: string,
  marks: {
    subjectId: string;
    point: typeof evaluationBallotMarks.$inferInsert.point;
    grade: typeof evaluationBallotMarks.$inferInsert.grade;
  }[],
) {
  const [ballot] = await db
    .insert(evaluationBallots)
    .values({ tenantId, roundId })
    .returning({ id: evaluationBallots.id });
  await db.insert(evaluationBallotMarks).values(marks.map((m) => ({ tenantId, ballotId: ballot!.id, ...m })));
}

export async function countProgress(db: Db, tenantId: string, roundId: string) {
  const scoped = (table: typeof evaluationElectors | typeof evaluationVoters | typeof evaluationBallots): SQL =>
    and(eq(table.tenantId, tenantId), eq(table.roundId, roundId))!;
  const [[eligible], [voted], [ballots]] = await Promise.all([
    db
      .select({ n: count().mapWith(Number) })
      .from(evaluationElectors)
      .where(scoped(evaluationElectors)),
    db
      .select({ n: count().mapWith(Number) })
      .from(evaluationVoters)
      .where(scoped(evaluationVoters)),
    db
      .select({ n: count().mapWith(Number) })
      .from(evaluationBallots)
      .where(scoped(evaluationBallots)),
  ]);
  return { eligible: eligible?.n ?? 0, voted: voted?.n ?? 0, ballots: ballots?.n ?? 0 };
}

/** The tally's only read of the ballots: counts grouped by member, point and grade. */
export async function countMarks(db: Db, tenantId: string, roundId: string) {
  return db
    .select({
      subjectId: evaluationBallotMarks.subjectId,
      point: evaluationBallotMarks.point,
      grade: evaluationBallotMarks.grade,
      count: sql<number>`count(*)::int`,
    })
    .from(evaluationBallotMarks)
    .innerJoin(
      evaluationBallots,
      and(
        eq(evaluationBallots.tenantId, evaluationBallotMarks.tenantId),
        eq(evaluationBallots.id, evaluationBallotMarks.ballotId),
      ),
    )
    .where(and(eq(evaluationBallots.tenantId, tenantId), eq(evaluationBallots.roundId, roundId)))
    .groupBy(evaluationBallotMarks.subjectId, evaluationBallotMarks.point, evaluationBallotMarks.grade);
}

/**
 * Reseals a closed round's ballots: each gets a new random id and is written again, in a random
 * order, by this one transaction, and the originals are deleted. A ballot stored while its voter was
 * marked shared that transaction's id (`xmin`) and its place in the table with the voter's row; after
 * resealing, every ballot carries the closing transaction's id and a shuffled place. (The dead
 * originals stay in the table's pages until VACUUM, which `vacuumBallots` asks for.)
 */
export async function resealBallots(db: Db, tenantId: string, roundId: string) {
  const old = await db
    .select({ id: evaluationBallots.id })
    .from(evaluationBallots)
    .where(and(eq(evaluationBallots.tenantId, tenantId), eq(evaluationBallots.roundId, roundId)));
  const order = old.map((b) => ({ oldId: b.id, newId: crypto.randomUUID(), key: Math.random() }));
  order.sort((a, b) => a.key - b.key);
  for (const { oldId, newId } of order) {
    await db.insert(evaluationBallots).values({ tenantId, id: newId, roundId });
    await db.execute(
      sql`insert into ${evaluationBallotMarks} (tenant_id, ballot_id, subject_id, point, grade)
          select tenant_id, ${newId}, subject_id, point, grade from ${evaluationBallotMarks}
          where tenant_id = ${tenantId} and ballot_id = ${oldId}`,
    );
  }
  if (order.length > 0)
    await db.delete(evaluationBallots).where(
      and(
        eq(evaluationBallots.tenantId, tenantId),
        inArray(
          evaluationBallots.id,
          order.map((o) => o.oldId),
        ),
      ),
    );
}

/** Best effort, outside any transaction: removes the dead originals of resealed ballots. */
export async function vacuumBallots(db: Db) {
  await db.execute(sql`vacuum evaluation_ballot_marks, evaluation_ballots`);
}
