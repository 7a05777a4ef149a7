/**
 * Every table that points at `files` has an AttachmentHolder, or the files on it could be downloaded by
 * nobody but their uploader (and a new attachment would be released unnoticed to nobody — or, if the
 * route were ever relaxed, to everybody).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ATTACHMENT_HOLDERS } from '../../app.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

it('each table with a foreign key to files is covered by a holder', async () => {
  const raw: unknown = await ctx.database.db.execute(
    sql`select distinct conrelid::regclass::text as t from pg_constraint where contype = 'f' and confrelid = 'files'::regclass`,
  );
  const referencing = (raw as { rows: { t: string }[] }).rows.map((r) =>
    r.t.replace(/^public\./, '').replace(/"/g, ''),
  );
  expect(referencing.length).toBeGreaterThan(3);
  const covered = new Set(ATTACHMENT_HOLDERS.map((h) => h.table));
  expect(referencing.filter((t) => !covered.has(t))).toEqual([]);
});
