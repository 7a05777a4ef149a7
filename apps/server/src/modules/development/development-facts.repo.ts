import { and, eq, inArray, sql } from 'drizzle-orm';
import { developmentSteps, people } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

/** The steps that answer fields of the member record (1, 3, 7, 9) and the decision of step 24. */
export const FACT_STEPS = [1, 3, 7, 9, 24] as const;

export interface FactStepRow {
  personId: string;
  step: number;
  doneOn: string;
  personIds: string[];
  outcome: string | null;
}

export async function findFactSteps(db: Db, tenantId: string, personIds: readonly string[]): Promise<FactStepRow[]> {
  const found: FactStepRow[] = [];
  // Chunked so a court's whole roster stays under the bind-parameter limit.
  for (let i = 0; i < personIds.length; i += 5_000) {
    found.push(
      ...(await db
        .select({
          personId: developmentSteps.personId,
          step: developmentSteps.step,
          doneOn: developmentSteps.doneOn,
          personIds: developmentSteps.personIds,
          outcome: sql<string | null>`${developmentSteps.details}->>'outcome'`,
        })
        .from(developmentSteps)
        .where(
          and(
            eq(developmentSteps.tenantId, tenantId),
            inArray(developmentSteps.step, [...FACT_STEPS]),
            inArray(developmentSteps.personId, personIds.slice(i, i + 5_000)),
          ),
        )),
    );
  }
  return found;
}

export async function findNames(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.name]));
}
