import type { PublicCommitmentsResponse } from '@qizhi/domain';
import type { Database, Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { toCommitments } from './commitments.mapping.ts';
import * as repo from './commitments.repo.ts';

/**
 * The public page's list: published commitments of one court, owners' names and promises only.
 * Which court: `?court=<code>`; without it the server's only court, so a single-court install
 * needs no parameter and a multi-court one must say (400 rather than guessing).
 */
export async function listPublicCommitments(
  database: Database,
  courtCode: string | undefined,
  year: number,
): Promise<PublicCommitmentsResponse> {
  const court = courtCode
    ? await repo.findTenantByCode(database.db, courtCode)
    : await repo.findOnlyTenant(database.db);
  if (!court) {
    if (courtCode) throw notFound('法院');
    throw new AppError('VALIDATION_FAILED', '本服务器有多个法院，请用 court 参数指明法院代码', {
      issues: [{ path: 'court', message: '请指明法院代码' }],
    });
  }
  return {
    court: { code: court.code, name: court.name },
    year,
    items: await publishedCommitments(database.forTenant(court.id), court.id, year),
  };
}

/** A court's published commitments of a year as the public sees them (also the openness portal's source). */
export async function publishedCommitments(
  db: Db,
  tenantId: string,
  year: number,
): Promise<PublicCommitmentsResponse['items']> {
  const rows = await repo.findCommitments(db, repo.commitmentConditions(tenantId, { year, status: 'published' }));
  const items = await toCommitments(db, tenantId, rows);
  return items.map((c) => ({
    id: c.id,
    year: c.year,
    ownerKind: c.ownerKind,
    ownerName: c.ownerName,
    orgUnitName: c.orgUnitName,
    publishedAt: c.publishedAt,
    promises: c.promises.map((p) => ({
      text: p.text,
      selfAssessment: p.selfAssessment,
      verifiedResult: p.verifiedResult,
    })),
    result: c.result,
  }));
}
