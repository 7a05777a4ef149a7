/**
 * The yardstick for the roster API on PostgreSQL: a bare Fastify server (no logger, no plugins)
 * with one route doing one primary-key SELECT, over a pg Pool of the size and settings the real
 * server uses (10 connections, jit off). Run as a child process by roster.bench.ts.
 *
 *   BASELINE_DATABASE_URL=… BASELINE_TENANT_ID=… PORT=… node --import tsx bench/baseline-server.ts
 */
import Fastify from 'fastify';
import pg from 'pg';

const url = process.env.BASELINE_DATABASE_URL;
const tenantId = process.env.BASELINE_TENANT_ID;
if (!url || !tenantId) throw new Error('BASELINE_DATABASE_URL and BASELINE_TENANT_ID are required');

const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off -c timezone=UTC' });
const app = Fastify({ logger: false });

interface PersonRow {
  id: string;
  name: string;
  gender: string;
  birth_date: string | null;
  status: string;
  retired: boolean;
  org_unit_id: string | null;
  department_id: string | null;
  position: string | null;
}

app.get<{ Params: { id: string } }>('/person/:id', async (request, reply) => {
  const { rows } = await pool.query<PersonRow>(
    `select id, name, gender, birth_date::text, status, retired, org_unit_id, department_id, position
       from people where tenant_id = $1 and id = $2`,
    [tenantId, request.params.id],
  );
  const row = rows[0];
  if (!row) return reply.status(404).send({ error: 'not found' });
  return row;
});

const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
