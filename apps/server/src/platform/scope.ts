import { eq } from 'drizzle-orm';
import { collectSubtreeIds, ROLES, type Permission } from '@qizhi/domain';
import { orgUnits } from '../db/schema/index.ts';
import type { AuthContext } from './auth.ts';
import type { Db } from './db.ts';

/** Where a permission reaches: the whole court, or the listed organisation units (subtrees expanded). */
export type Scope = { all: true } | { all: false; orgUnitIds: string[] };

export async function resolveScope(db: Db, auth: AuthContext, permission: Permission): Promise<Scope> {
  const roots: string[] = [];
  for (const grant of auth.grants) {
    if (!ROLES[grant.role].permissions.includes(permission)) continue;
    if (grant.orgUnitId === null) return { all: true };
    roots.push(grant.orgUnitId);
  }
  if (roots.length === 0) return { all: false, orgUnitIds: [] };
  // A court has tens of organisation units, so the whole tree is one small indexed read.
  const units = await db
    .select({ id: orgUnits.id, parentId: orgUnits.parentId })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, auth.user.tenantId));
  return { all: false, orgUnitIds: [...new Set(roots.flatMap((root) => collectSubtreeIds(units, root)))] };
}
