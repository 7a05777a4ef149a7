import { courtYear, PROMISE_RESULT_LABELS, type PromiseResult } from '@qizhi/domain';
import { errorMessage } from '../../platform/api.ts';
import { usePublicCommitments } from './commitments.queries.ts';
import styles from './public-commitments.module.css';

const RESULT_CLASS: Record<PromiseResult, string | undefined> = {
  kept: styles.kept,
  partly: styles.partly,
  not: styles.not,
};

function Result({ value, label }: { value: PromiseResult | null; label: string }) {
  if (!value) return null;
  return (
    <span
      className={`${styles.result ?? ''} ${RESULT_CLASS[value] ?? ''}`}
    >{`${label}${PROMISE_RESULT_LABELS[value]}`}</span>
  );
}

/**
 * 公开承诺 for the public (no sign-in, for the lobby kiosk and the website): plain markup and no UI
 * library, so it loads fast on a weak PC. `?court=` picks the court on a multi-court server.
 */
export default function PublicCommitmentsPage() {
  const params = new URLSearchParams(window.location.search);
  const court = params.get('court') ?? undefined;
  const year = Number(params.get('year')) || courtYear();
  const board = usePublicCommitments(court, year);
  const data = board.data;
  const problem = board.isError ? errorMessage(board.error) : null;

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1>{data ? `${data.court.name}` : '人民法院'}党员公开承诺</h1>
        <p>
          {year}年度 · 一名党员一面旗帜
          {data ? ` · 共${String(data.items.length)}份` : ''}
        </p>
      </header>
      {problem && (
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      )}
      {!data && !problem && <p className={styles.loading}>正在加载……</p>}
      {data && data.items.length === 0 && <p className={styles.loading}>本年度承诺尚未公开。</p>}
      <section className={styles.grid}>
        {data?.items.map((c) => (
          <article key={c.id} className={styles.card} data-testid="public-commitment">
            <h2>
              {c.ownerName}
              {c.orgUnitName && <small>{c.orgUnitName}</small>}
              <Result value={c.result} label="兑现情况：" />
            </h2>
            <ol>
              {c.promises.map((p, i) => (
                <li key={i}>
                  {p.text} <Result value={p.selfAssessment} label="自评" />{' '}
                  <Result value={p.verifiedResult} label="核实" />
                </li>
              ))}
            </ol>
          </article>
        ))}
      </section>
    </main>
  );
}
