/**
 * The split of database roles on PostgreSQL (等保: protect the audit records from the application
 * itself). Migrations run as the owner of the tables (QIZHI_MIGRATION_DATABASE_URL); the server then
 * works as a role that owns nothing (DATABASE_URL), granted reading and writing on the business
 * tables but only INSERT and SELECT on the audit log. Not owning the audit log, it can neither
 * update or delete its rows, nor disable the append-only trigger, nor drop the table.
 */
import pg from 'pg';

export class RoleSplitError extends Error {}

/** The tables whose rows may be added and read, never changed or removed, by the application. */
const APPEND_ONLY_TABLES = ['audit_log'] as const;

/**
 * Grants `appRole` what the server needs on everything the owner's migrations made, and no more.
 * Run after every migration, so tables added by later migrations are covered too.
 */
export async function grantApplicationRole(owner: pg.ClientBase, appRole: string): Promise<void> {
  const ownerRole = (await owner.query<{ role: string }>('select current_user as role')).rows[0]!.role;
  if (ownerRole === appRole) {
    throw new RoleSplitError(
      `QIZHI_MIGRATION_DATABASE_URL 与 DATABASE_URL 使用了同一数据库角色（${appRole}）：应用角色须与表的所有者分开`,
    );
  }
  const role = pg.escapeIdentifier(appRole);
  await owner.query('begin');
  try {
    for (const schemaName of ['public', 'drizzle']) {
      const schema = pg.escapeIdentifier(schemaName);
      await owner.query(`grant usage on schema ${schema} to ${role}`);
      await owner.query(`grant usage, select on all sequences in schema ${schema} to ${role}`);
    }
    await owner.query(`grant select, insert, update, delete on all tables in schema public to ${role}`);
    // Backups by pg_dump read the migration history too; only the owner writes it.
    await owner.query(`grant select on all tables in schema drizzle to ${role}`);
    for (const table of APPEND_ONLY_TABLES) {
      await owner.query(`revoke update, delete, truncate on ${pg.escapeIdentifier(table)} from ${role}`);
    }
    await owner.query('commit');
  } catch (error) {
    await owner.query('rollback');
    throw error;
  }
}

/** The role a connection string signs in as, read from the server rather than parsed. */
export async function currentRole(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ role: string }>('select current_user as role')).rows[0]!.role;
  } finally {
    await client.end();
  }
}
