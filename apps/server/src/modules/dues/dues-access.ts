/** Which organisations and people a dues request reaches; everything outside answers 404. */
import { collectSubtreeIds, type Permission } from '@qizhi/domain';
import { notFound } from '../../platform/errors.ts';
import { covers } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './dues.repo.ts';

/** The organisation and the units below it that the permission reaches. */
export async function reachableUnits(ctx: RequestContext, permission: Permission, orgUnitId: string) {
  const units = await repo.findOrgUnits(ctx.db, ctx.tenantId);
  const org = units.find((u) => u.id === orgUnitId);
  if (!org || !(await ctx.can(permission, org.id))) throw notFound('党组织');
  const scope = await ctx.scopeOf(permission);
  const orgUnitIds = collectSubtreeIds(units, org.id).filter((id) => covers(scope, id));
  return { org, orgUnitIds, units };
}

/** A person the caller may act on with the permission (or read, when it is themselves and `self` allows). */
export async function reachablePerson(
  ctx: RequestContext,
  permission: Permission,
  personId: string,
  opts: { self?: boolean } = {},
): Promise<repo.DuesPerson> {
  const person = await repo.findPerson(ctx.db, ctx.tenantId, personId);
  if (!person) throw notFound('人员');
  if (opts.self && ctx.personId === person.id) return person;
  if (!(await ctx.can(permission, person.orgUnitId))) throw notFound('人员');
  return person;
}
