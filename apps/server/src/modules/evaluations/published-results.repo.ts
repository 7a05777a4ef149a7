import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { evaluationRounds, evaluationSubjects, orgUnits } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

/**
 * 民主评议 rounds whose result is published (结果公布), with how many members were decided at each grade
 * — counts only, no names: what the openness portal shows from its source. `ids` narrows to those rounds.
 */
export async function findPublishedRounds(db: Db, tenantId: string, ids?: readonly string[]) {
  if (ids && ids.length === 0) return [];
  const rounds = await db
    .select({
      id: evaluationRounds.id,
      coveredYear: evaluationRounds.coveredYear,
      pool: evaluationRounds.pool,
      orgUnitName: orgUnits.name,
      createdAt: evaluationRounds.createdAt,
    })
    .from(evaluationRounds)
    .innerJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, evaluationRounds.tenantId), eq(orgUnits.id, evaluationRounds.orgUnitId)),
    )
    .where(
      and(
        eq(evaluationRounds.tenantId, tenantId),
        eq(evaluationRounds.step, 'published'),
        ids ? inArray(evaluationRounds.id, [...ids]) : undefined,
      ),
    )
    .orderBy(desc(evaluationRounds.coveredYear), desc(evaluationRounds.createdAt))
    .limit(200);
  if (rounds.length === 0) return [];
  const grades = await db
    .select({ roundId: evaluationSubjects.roundId, grade: evaluationSubjects.finalGrade, n: count() })
    .from(evaluationSubjects)
    .where(
      and(
        eq(evaluationSubjects.tenantId, tenantId),
        inArray(
          evaluationSubjects.roundId,
          rounds.map((r) => r.id),
        ),
      ),
    )
    .groupBy(evaluationSubjects.roundId, evaluationSubjects.finalGrade);
  return rounds.map((r) => ({ ...r, grades: grades.filter((g) => g.roundId === r.id) }));
}
export type PublishedRound = Awaited<ReturnType<typeof findPublishedRounds>>[number];
