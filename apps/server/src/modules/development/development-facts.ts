/**
 * What a person's development steps say about their member record, so the roster does not ask for
 * it twice: 申请入党日期 (step 1), 确定积极分子日期 (3), 确定发展对象日期 (7), 入党介绍人 (9, by name),
 * and the day a probationary membership was cancelled (24 with the outcome `cancel`).
 */
import type { Db } from '../../platform/db.ts';
import { findFactSteps, findNames } from './development-facts.repo.ts';

export interface DevelopmentFacts {
  appliedOn?: string;
  activistOn?: string;
  candidateOn?: string;
  sponsors?: string;
  cancelledOn?: string;
}

const DATE_OF_STEP: Partial<Record<number, 'appliedOn' | 'activistOn' | 'candidateOn'>> = {
  1: 'appliedOn',
  3: 'activistOn',
  7: 'candidateOn',
};

export async function developmentFactsOf(
  db: Db,
  tenantId: string,
  personIds: readonly string[],
): Promise<Map<string, DevelopmentFacts>> {
  const facts = new Map<string, DevelopmentFacts>();
  if (personIds.length === 0) return facts;
  const steps = await findFactSteps(db, tenantId, personIds);
  const names = await findNames(
    db,
    tenantId,
    steps.filter((s) => s.step === 9).flatMap((s) => s.personIds),
  );
  for (const s of steps) {
    const f = facts.get(s.personId) ?? {};
    const field = DATE_OF_STEP[s.step];
    if (field) f[field] = s.doneOn;
    if (s.step === 9 && s.personIds.length > 0) {
      f.sponsors = s.personIds
        .map((id) => names.get(id) ?? '')
        .filter(Boolean)
        .join('、');
    }
    if (s.step === 24 && s.outcome === 'cancel') f.cancelledOn = s.doneOn;
    facts.set(s.personId, f);
  }
  return facts;
}
