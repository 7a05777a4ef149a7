import { useState } from 'react';
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
/** The years a visitor may pick: this year, the next, and five before. */
function yearChoices(): number[] {
  const now = courtYear();
  return Array.from({ length: 7 }, (_, i) => now + 1 - i);
}

export default function PublicCommitmentsPage() {
  const params = new URLSearchParams(window.location.search);
  const court = params.get('court') ?? undefined;
  const [year, setYear] = useState(() => Number(params.get('year')) || courtYear());
  const [query, setQuery] = useState('');
  const board = usePublicCommitments(court, year);
  const data = board.data;
  const problem = board.isError ? errorMessage(board.error) : null;
  const words = query.trim();
  const shown = words
    ? data?.items.filter((c) =>
        [c.ownerName, c.orgUnitName ?? '', ...c.promises.map((p) => p.text)].some((t) => t.includes(words)),
      )
    : data?.items;

  const pickYear = (next: number) => {
    setYear(next);
    const url = new URL(window.location.href);
    url.searchParams.set('year', String(next));
    window.history.replaceState(null, '', url);
  };

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1>{data ? `${data.court.name}` : '人民法院'}党员公开承诺</h1>
        <p>
          {year}年度 · 一名党员一面旗帜
          {data ? ` · 共${String(data.items.length)}份` : ''}
        </p>
      </header>
      <form className={styles.toolbar} role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          年度{' '}
          <select value={year} onChange={(e) => pickYear(Number(e.target.value))}>
            {yearChoices().map((y) => (
              <option key={y} value={y}>
                {y}年度
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="按姓名、党组织或承诺内容查找"
          aria-label="查找承诺"
        />
        {words && data && <span>找到{String(shown?.length ?? 0)}份</span>}
      </form>
      {problem && (
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      )}
      {!data && !problem && <p className={styles.loading}>正在加载……</p>}
      {data && data.items.length === 0 && <p className={styles.loading}>本年度承诺尚未公开。</p>}
      {data && data.items.length > 0 && shown?.length === 0 && <p className={styles.loading}>没有找到相符的承诺。</p>}
      <section className={styles.grid}>
        {shown?.map((c) => (
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
