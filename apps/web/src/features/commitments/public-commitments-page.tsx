import { useEffect, useState } from 'react';
import { PROMISE_RESULT_LABELS, type PublicCommitmentsResponse, type PromiseResult } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import './public-commitments.css';

function Result({ value, label }: { value: PromiseResult | null; label: string }) {
  if (!value) return null;
  return <span className={`pc-result pc-${value}`}>{`${label}${PROMISE_RESULT_LABELS[value]}`}</span>;
}

/**
 * 公开承诺 for the public (no sign-in, for the lobby kiosk and the website): plain markup and no UI
 * library, so it loads fast on a weak PC. `?court=` picks the court on a multi-court server.
 */
export default function PublicCommitmentsPage() {
  const params = new URLSearchParams(window.location.search);
  const court = params.get('court') ?? undefined;
  const year = Number(params.get('year')) || Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  const [data, setData] = useState<PublicCommitmentsResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    api
      .get<PublicCommitmentsResponse>('/api/public/commitments', { court, year }, { skipAuthRedirect: true })
      .then(setData)
      .catch((error: unknown) => setProblem(errorMessage(error)));
  }, [court, year]);

  return (
    <main className="pc-page">
      <header className="pc-header">
        <h1>{data ? `${data.court.name}` : '人民法院'}党员公开承诺</h1>
        <p>
          {year}年度 · 一名党员一面旗帜
          {data ? ` · 共${String(data.items.length)}份` : ''}
        </p>
      </header>
      {problem && (
        <p className="pc-problem" role="alert">
          {problem}
        </p>
      )}
      {!data && !problem && <p className="pc-loading">正在加载……</p>}
      {data && data.items.length === 0 && <p className="pc-loading">本年度承诺尚未公开。</p>}
      <section className="pc-grid">
        {data?.items.map((c) => (
          <article key={c.id} className="pc-card" data-testid="public-commitment">
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
