import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from './db.ts';

export interface AuditChainReport {
  /** Rows whose link was checked (all of them when the chain holds). */
  checked: number;
  /** The first broken link, if any: its position in the chain, its row id and what is wrong. */
  broken?: { seq: number | null; id: number; reason: string };
}

interface LinkRow extends Record<string, unknown> {
  id: number | string;
  chain_seq: number | string | null;
  hash: string | null;
  canonical: string;
}

const BATCH = 5_000;

/**
 * Recomputes the audit trail's hash chain (migration 0014): every row's hash must be
 * sha256(previous hash + its canonical text) and the positions must run 1, 2, 3… without a gap.
 * An edited row, a removed row and a row slipped in with the trigger off all break it.
 */
export async function verifyAuditChain(db: Db): Promise<AuditChainReport> {
  const unchained = (
    (await db.execute<{ id: number | string }>(
      sql`select id from audit_log where chain_seq is null or hash is null order by id limit 1`,
    )) as { rows: { id: number | string }[] }
  ).rows[0];
  let prev = '';
  let checked = 0;
  for (;;) {
    // Both drivers answer `execute` with `{ rows }`; the generic database type does not say so.
    const { rows } = (await db.execute<LinkRow>(sql`
      select a.id, a.chain_seq, a.hash, audit_log_canonical(a) as canonical
      from audit_log a where a.chain_seq > ${checked} order by a.chain_seq limit ${BATCH}`)) as {
      rows: LinkRow[];
    };
    for (const row of rows) {
      const seq = Number(row.chain_seq);
      const id = Number(row.id);
      if (seq !== checked + 1) {
        return {
          checked,
          broken: { seq: checked + 1, id, reason: `缺少第 ${String(checked + 1)} 条（下一条为第 ${String(seq)} 条）` },
        };
      }
      const expected = createHash('sha256')
        .update(prev + row.canonical, 'utf8')
        .digest('hex');
      if (row.hash !== expected) return { checked, broken: { seq, id, reason: '内容或摘要与链不符（记录被改动）' } };
      prev = expected;
      checked = seq;
    }
    if (rows.length < BATCH) break;
  }
  if (unchained) {
    return { checked, broken: { seq: null, id: Number(unchained.id), reason: '记录不在链上（绕过触发器写入）' } };
  }
  return { checked };
}
