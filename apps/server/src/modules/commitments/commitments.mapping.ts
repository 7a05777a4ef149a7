import { summariseCommitmentResult, type Commitment } from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import * as repo from './commitments.repo.ts';

/** Commitments with their promises, two queries for any number of them. */
export async function toCommitments(db: Db, tenantId: string, rows: repo.JoinedCommitment[]): Promise<Commitment[]> {
  const promises = await repo.findPromisesOf(
    db,
    tenantId,
    rows.map((r) => r.commitment.id),
  );
  const byCommitment = new Map<string, typeof promises>();
  for (const p of promises)
    byCommitment.set(p.promise.commitmentId, [...(byCommitment.get(p.promise.commitmentId) ?? []), p]);
  return rows.map(({ commitment: c, unitName, personName, cellName }) => {
    const items = (byCommitment.get(c.id) ?? []).map(({ promise: p, goalTitle }) => ({
      id: p.id,
      text: p.text,
      goalId: p.goalId,
      goalTitle,
      selfAssessment: p.selfAssessment,
      selfNote: p.selfNote,
      verifiedResult: p.verifiedResult,
      verificationNote: p.verificationNote,
    }));
    return {
      id: c.id,
      year: c.year,
      ownerKind: c.ownerKind,
      ownerId: (c.ownerPersonId ?? c.ownerOrgUnitId)!,
      ownerName: (c.ownerKind === 'person' ? personName : unitName) ?? '（已删除）',
      orgUnitName: c.ownerKind === 'person' ? cellName : null,
      status: c.status,
      promises: items,
      submittedAt: c.submittedAt?.toISOString() ?? null,
      reviewedByName: c.reviewedByName,
      reviewedAt: c.reviewedAt?.toISOString() ?? null,
      reviewNote: c.reviewNote,
      publishedAt: c.publishedAt?.toISOString() ?? null,
      result: c.verifiedAt ? summariseCommitmentResult(items.map((p) => p.verifiedResult)) : null,
      verifiedAt: c.verifiedAt?.toISOString() ?? null,
    };
  });
}
