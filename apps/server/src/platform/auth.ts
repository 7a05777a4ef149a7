import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ROLES, isAdministratorRole, type Permission, type RoleGrant, type SessionUser } from '@qizhi/domain';
import { roleGrants, sessions, tenants, users } from '../db/schema/index.ts';
import type { Database, Db } from './db.ts';
import { AppError } from './errors.ts';
import { createRequestContext } from './request-context.ts';
import { forgetSession, recallSession, rememberSession } from './session-cache.ts';

export const SESSION_COOKIE = 'qizhi_session';
export const CSRF_HEADER = 'x-csrf-token';
/** Refresh `last_seen_at` at most this often, so reading does not turn every request into a write. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * What a route needs: `public` (no sign-in), `authenticated` (any signed-in user, even one who must
 * still change the password), or a permission. Every route declares one; a test proves it.
 */
export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export interface AuthContext {
  user: SessionUser;
  grants: RoleGrant[];
  permissions: Set<Permission>;
  csrfToken: string;
  tokenHash: string;
}

export interface TenantPolicy {
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleMinutes: number;
  adminIdleMinutes: number;
  absoluteHours: number;
  passwordMaxAgeDays: number;
  passwordHistory: number;
}

export function tenantPolicy(settings: Partial<TenantPolicy> | null | undefined): TenantPolicy {
  return {
    lockoutThreshold: settings?.lockoutThreshold ?? 5,
    lockoutMinutes: settings?.lockoutMinutes ?? 30,
    idleMinutes: settings?.idleMinutes ?? 30,
    adminIdleMinutes: settings?.adminIdleMinutes ?? 15,
    absoluteHours: settings?.absoluteHours ?? 12,
    passwordMaxAgeDays: settings?.passwordMaxAgeDays ?? 0,
    passwordHistory: Math.min(settings?.passwordHistory ?? 5, 24),
  };
}

export function permissionsOf(grants: readonly RoleGrant[]): Set<Permission> {
  return new Set(grants.flatMap((g) => ROLES[g.role].permissions));
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The signed-in request's session: its token's hash (to end it) and its CSRF token (to hand back). */
export function sessionOf(request: FastifyRequest): { tokenHash: string; csrfToken: string } {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return { tokenHash: request.auth.tokenHash, csrfToken: request.auth.csrfToken };
}

export async function createSession(
  db: Db,
  input: {
    tenantId: string;
    userId: string;
    grants: readonly RoleGrant[];
    policy: TenantPolicy;
    ip: string;
    userAgent: string | undefined;
  },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const isAdmin = input.grants.some((g) => isAdministratorRole(g.role));
  const idleMinutes = isAdmin ? input.policy.adminIdleMinutes : input.policy.idleMinutes;
  const expiresAt = new Date(Date.now() + input.policy.absoluteHours * 3_600_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    tenantId: input.tenantId,
    userId: input.userId,
    csrfToken,
    expiresAt,
    idleSeconds: idleMinutes * 60,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: expiresAt,
  });
}

/**
 * Whether the session cookie is Secure: always or never when configured so; under `auto`, when the
 * request came over TLS — to us, or to a TLS proxy that says so in `X-Forwarded-Proto`. The header is
 * honoured here even without trusting the proxy for anything else: a forged `https` only makes the
 * forger's own cookie stricter.
 */
export function cookieIsSecure(request: FastifyRequest, setting: 'auto' | boolean): boolean {
  if (setting !== 'auto') return setting;
  if (request.protocol === 'https') return true;
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  // RFC 7239: `Forwarded: for=…;proto=https`, the first hop's.
  const standard = request.headers.forwarded?.split(',')[0]?.toLowerCase() ?? '';
  return first === 'https' || /(^|;)\s*proto=https\s*(;|$)/.test(standard);
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

interface SessionRow {
  userId: string;
  tenantId: string;
  tenantName: string;
  username: string;
  displayName: string;
  personId: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  idleSeconds: number;
  grants: RoleGrant[];
}

/**
 * The session, its user and court, and the user's role grants: the court first (the one look-up that
 * crosses courts, migration 0028), then one query on that court's handle.
 */
async function findSession(database: Database, tokenHash: string): Promise<SessionRow | undefined> {
  const tenantId = await database.courtOf('session', tokenHash);
  if (!tenantId) return undefined;
  const rows = await database
    .forTenant(tenantId)
    .select({
      userId: users.id,
      tenantId: users.tenantId,
      tenantName: tenants.name,
      username: users.username,
      displayName: users.displayName,
      personId: users.personId,
      mustChangePassword: users.mustChangePassword,
      disabled: users.disabled,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      idleSeconds: sessions.idleSeconds,
      grants: sql<
        RoleGrant[]
      >`coalesce((select json_agg(json_build_object('role', g.role, 'orgUnitId', g.org_unit_id) order by g.role)
        from ${roleGrants} g where g.tenant_id = "users"."tenant_id" and g.user_id = "users"."id"), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.tokenHash, tokenHash)))
    .limit(1);
  return rows[0];
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes a user who must change the password may still use. */
const PASSWORD_CHANGE_ALLOWED: Access[] = ['authenticated', 'public'];

export function registerAuth(app: FastifyInstance, database: Database): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('ctx', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) {
      // Unknown URLs fall through to the 404 handler; a registered route without `access` is a bug.
      if (request.routeOptions.url === undefined) return;
      throw new AppError('FORBIDDEN', '该接口未声明访问权限');
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const tokenHash = hashToken(token);
      const row = recallSession<SessionRow>(tokenHash) ?? (await findSession(database, tokenHash));
      const now = Date.now();
      if (row) {
        const db = database.forTenant(row.tenantId);
        const idleExpired = now - row.lastSeenAt.getTime() > row.idleSeconds * 1000;
        if (idleExpired || now > row.expiresAt.getTime() || row.disabled) {
          forgetSession(tokenHash);
          await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
          if (access !== 'public') throw new AppError('SESSION_EXPIRED');
        } else {
          if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
            await db
              .update(sessions)
              .set({ lastSeenAt: new Date(now) })
              .where(eq(sessions.tokenHash, tokenHash));
            row.lastSeenAt = new Date(now);
          }
          rememberSession(tokenHash, row.userId, row);
          request.auth = {
            user: {
              id: row.userId,
              tenantId: row.tenantId,
              tenantName: row.tenantName,
              username: row.username,
              displayName: row.displayName,
              personId: row.personId,
              mustChangePassword: row.mustChangePassword,
            },
            grants: row.grants,
            permissions: permissionsOf(row.grants),
            csrfToken: row.csrfToken,
            tokenHash,
          };
          request.ctx = createRequestContext({
            database,
            user: request.auth.user,
            grants: request.auth.grants,
            permissions: request.auth.permissions,
            ip: request.ip,
          });
        }
      }
    }
    if (access === 'public') return;
    const auth = request.auth;
    if (!auth) throw new AppError('UNAUTHENTICATED');
    if (STATE_CHANGING.has(request.method) && request.headers[CSRF_HEADER] !== auth.csrfToken) {
      throw new AppError('CSRF_TOKEN_INVALID');
    }
    if (auth.user.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.includes(access)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (access !== 'authenticated' && !auth.permissions.has(access)) throw new AppError('FORBIDDEN');
  });
}
