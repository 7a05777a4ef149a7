/**
 * Who is asking, in which court, and what they may do: made once per request by the auth hook and
 * handed to services instead of the request itself. Services take `ctx` first; repositories take
 * `ctx.db` (or a transaction) and `ctx.tenantId`, never the context.
 */
import type { FastifyRequest } from 'fastify';
import type { Permission, RoleGrant, SessionUser } from '@qizhi/domain';
import type { Actor } from './audit.ts';
import type { Database, Db } from './db.ts';
import { AppError } from './errors.ts';
import { covers, NO_SCOPE, resolveScope, type Scope } from './policy.ts';

export interface RequestContext {
  readonly tenantId: string;
  readonly user: SessionUser;
  /** The roster person the account belongs to, if linked. */
  readonly personId: string | null;
  /** For audit rows: who, from where. */
  readonly actor: Actor;
  readonly database: Database;
  readonly db: Db;
  readonly grants: readonly RoleGrant[];
  /** Holds the permission for some organisation (or the whole court). */
  has(permission: Permission): boolean;
  /** Where the permission reaches; resolved once per request and permission. */
  scopeOf(permission: Permission): Promise<Scope>;
  /** May act with the permission on this organisation (`null`: something that belongs to no organisation). */
  can(permission: Permission, orgUnitId: string | null | undefined): Promise<boolean>;
}

export interface ContextInput {
  database: Database;
  user: SessionUser;
  grants: readonly RoleGrant[];
  permissions: ReadonlySet<Permission>;
  ip: string | null;
}

export function createRequestContext(input: ContextInput): RequestContext {
  const { database, user, grants, permissions } = input;
  // The court's own handle: on PostgreSQL row-level security shows it this court's rows only.
  const db = database.forTenant(user.tenantId);
  const scopes = new Map<Permission, Promise<Scope>>();
  const scopeFor = (permission: Permission): Promise<Scope> => {
    if (!permissions.has(permission)) return Promise.resolve(NO_SCOPE);
    let scope = scopes.get(permission);
    if (!scope) {
      scope = resolveScope(db, user.tenantId, grants, permission);
      scopes.set(permission, scope);
    }
    return scope;
  };
  return {
    tenantId: user.tenantId,
    user,
    personId: user.personId,
    actor: { tenantId: user.tenantId, userId: user.id, name: user.displayName, ip: input.ip },
    database,
    db,
    grants,
    has: (permission) => permissions.has(permission),
    scopeOf: scopeFor,
    can: async (permission, orgUnitId) => permissions.has(permission) && covers(await scopeFor(permission), orgUnitId),
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook for every signed-in request; `null` on public routes without a session. */
    ctx: RequestContext | null;
  }
}

/** The context of a route that requires sign-in (its `access` guarantees one exists). */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.ctx) throw new AppError('UNAUTHENTICATED');
  return request.ctx;
}
