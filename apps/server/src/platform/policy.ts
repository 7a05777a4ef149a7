/**
 * The one place that decides "may this person do this to that organisation". Permissions are
 * granted to roles, roles to users for an organisation subtree (or the whole court); a scope is
 * where a permission reaches. Services ask through the request context (`ctx.can`, `ctx.scopeOf`);
 * nothing else compares organisation ids against grants (a test walks the source to keep it so).
 */
import { eq } from 'drizzle-orm';
import { collectSubtreeIds, ROLES, type Permission, type RoleGrant } from '@qizhi/domain';
import { orgUnits } from '../db/schema/index.ts';
import type { Db } from './db.ts';

/** Where a permission reaches: the whole court, or the listed organisation units (subtrees expanded). */
export type Scope = { readonly all: true } | { readonly all: false; readonly orgUnitIds: string[] };

export const NO_SCOPE: Scope = { all: false, orgUnitIds: [] };
export const WHOLE_COURT: Scope = { all: true };

/** Does the scope reach this organisation? An object with no organisation is reached only court-wide. */
export function covers(scope: Scope, orgUnitId: string | null | undefined): boolean {
  if (scope.all) return true;
  return orgUnitId !== null && orgUnitId !== undefined && scope.orgUnitIds.includes(orgUnitId);
}

/** The organisation units a scope lists, or `undefined` for the whole court (a repository filter). */
export function unitsOf(scope: Scope): string[] | undefined {
  return scope.all ? undefined : scope.orgUnitIds;
}

type NamedUnit = { id: string; parentId: string | null; name: string };

/**
 * How a scope reads beside a figure counted within it: 全院, or the names of the topmost
 * organisations it reaches (a 支部书记 reads 第一党支部), so two people who see different totals
 * see why.
 */
export function scopeName(scope: Scope, units: readonly NamedUnit[]): string {
  if (scope.all) return '全院';
  const reached = new Set(scope.orgUnitIds);
  const tops = units.filter((u) => reached.has(u.id) && !(u.parentId !== null && reached.has(u.parentId)));
  return tops.length === 0 ? '无' : tops.map((u) => u.name).join('、');
}

/** The same, reading the court's organisations only when the scope is not the whole court. */
export async function scopeNameLoading(scope: Scope, units: () => Promise<readonly NamedUnit[]>): Promise<string> {
  return scope.all ? '全院' : scopeName(scope, await units());
}

export function isEmpty(scope: Scope): boolean {
  return !scope.all && scope.orgUnitIds.length === 0;
}

/** The grants whose role carries the permission, as subtree roots (`null` = the whole court). */
function rootsOf(grants: readonly RoleGrant[], permission: Permission): (string | null)[] {
  return grants.filter((g) => ROLES[g.role].permissions.includes(permission)).map((g) => g.orgUnitId);
}

export async function resolveScope(
  db: Db,
  tenantId: string,
  grants: readonly RoleGrant[],
  permission: Permission,
): Promise<Scope> {
  const roots = rootsOf(grants, permission);
  if (roots.length === 0) return NO_SCOPE;
  if (roots.includes(null)) return WHOLE_COURT;
  // A court has tens of organisation units, so the whole tree is one small indexed read.
  const units = await db
    .select({ id: orgUnits.id, parentId: orgUnits.parentId })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, tenantId));
  const ids = roots.flatMap((root) => (root === null ? [] : collectSubtreeIds(units, root)));
  return { all: false, orgUnitIds: [...new Set(ids)] };
}
