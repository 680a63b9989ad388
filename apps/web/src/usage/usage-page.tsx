import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useId, useState } from 'react';

import { friendlyError } from '../lib/errors';
import { formatCount, formatDate, formatMonth, formatUsd, monthsSince } from '../lib/format';
import { useTRPC, type MonthlyUsage } from '../lib/trpc';
import { ErrorState, Loading } from '../ui/states';
import { useDocumentTitle } from '../ui/use-document-title';
import { LedgerTable } from './ledger-table';
import { TokenCells } from './token-cells';
import './usage.css';

const SpendChart = lazy(() => import('./spend-chart'));

export default function UsagePage({ accountCreatedAt }: { accountCreatedAt: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Only months the account existed in can have usage.
  const months = monthsSince(accountCreatedAt);
  const [month, setMonth] = useState(months[0] ?? '');
  const monthId = useId();
  const usage = useQuery(trpc.getMonthlyUsage.queryOptions({ month }));
  const [download, setDownload] = useState<{ pending: boolean; error: unknown }>({
    pending: false,
    error: null,
  });
  useDocumentTitle('Usage and costs');

  async function downloadCsv() {
    setDownload({ pending: true, error: null });
    try {
      const file = await queryClient.query(
        trpc.usage.exportCsv.queryOptions({ month }, { staleTime: 0 }),
      );
      const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDownload({ pending: false, error: null });
    } catch (error) {
      setDownload({ pending: false, error });
    }
  }

  return (
    <div className="page wide usage-page">
      <header className="page-head">
        <div>
          <h1 className="page-title">Usage and costs</h1>
          <p className="muted">Every model call is recorded with its tokens and exact cost.</p>
        </div>
        <div className="usage-controls">
          <div className="field inline">
            <label htmlFor={monthId}>Month</label>
            <select id={monthId} value={month} onChange={(event) => setMonth(event.target.value)}>
              {months.map((key, index) => (
                <option key={key} value={key}>
                  {formatMonth(key)}
                  {index === 0 ? ' (this month)' : ''}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button"
            disabled={download.pending}
            onClick={() => void downloadCsv()}
          >
            {download.pending ? 'Preparing…' : 'Download CSV'}
          </button>
        </div>
      </header>
      {download.error ? (
        <p className="form-error" role="alert">
          The CSV could not be prepared. {friendlyError(download.error)}
        </p>
      ) : null}

      {usage.isPending && <Loading label={`Loading ${formatMonth(month)}…`} />}
      {usage.isError && <ErrorState error={usage.error} onRetry={() => void usage.refetch()} />}
      {usage.data && <MonthSummary usage={usage.data} current={month === months[0]} />}

      {usage.data && (
        <section className="card" aria-labelledby="per-day">
          <h2 id="per-day">Spend per day</h2>
          {usage.data.byDay.length === 0 ? (
            <p className="muted">No spend in {formatMonth(month)}.</p>
          ) : (
            <Suspense fallback={<Loading label="Loading chart…" className="chart-box" />}>
              <SpendChart month={month} days={usage.data.byDay} />
            </Suspense>
          )}
        </section>
      )}

      {usage.data && (
        <div className="two-col">
          <GroupTable
            title="By model"
            label="Model"
            rows={usage.data.byModel.map((row) => ({ name: row.model, ...row }))}
          />
          <GroupTable
            title="By kind"
            label="Kind"
            rows={usage.data.byKind.map((row) => ({ name: kindName(row.kind), ...row }))}
          />
        </div>
      )}

      <LedgerTable key={month} month={month} />
    </div>
  );
}

function kindName(kind: string): string {
  if (kind === 'chat') return 'Chat replies';
  if (kind === 'title') return 'Thread titles';
  return kind;
}

function MonthSummary({ usage, current }: { usage: MonthlyUsage; current: boolean }) {
  const { budget } = usage;
  return (
    <dl className="stats">
      <div className="stat">
        <dt>Spent</dt>
        <dd data-testid="month-total">{formatUsd(usage.totalCost)}</dd>
      </div>
      <div className="stat">
        <dt>Requests</dt>
        <dd>{formatCount(usage.totalRequests)}</dd>
      </div>
      <div className="stat">
        <dt>Input tokens</dt>
        <dd>{formatCount(usage.totalInputTokens)}</dd>
      </div>
      <div className="stat">
        <dt>Output tokens</dt>
        <dd>{formatCount(usage.totalOutputTokens)}</dd>
      </div>
      <div className="stat">
        <dt>Cache tokens</dt>
        <dd>
          {formatCount(usage.totalCacheCreationInputTokens)} /{' '}
          {formatCount(usage.totalCacheReadInputTokens)}
          <span className="stat-note">written / read</span>
        </dd>
      </div>
      <div className="stat">
        <dt>{current ? 'Budget left' : 'Budget'}</dt>
        <dd>
          {current ? formatUsd(budget.remaining) : formatUsd(budget.limit)}
          <span className="stat-note">
            {current
              ? `of ${formatUsd(budget.limit)}, resets ${formatDate(budget.resetsAt)}`
              : 'monthly limit'}
          </span>
        </dd>
      </div>
    </dl>
  );
}

interface GroupRow {
  name: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
  cost: string;
}

function GroupTable(props: { title: string; label: string; rows: GroupRow[] }) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.rows.length === 0 ? (
        <p className="muted">Nothing recorded.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className="table stack">
            <thead>
              <tr>
                <th scope="col">{props.label}</th>
                <th scope="col" className="num">
                  Requests
                </th>
                <th scope="col" className="num">
                  Input
                </th>
                <th scope="col" className="num">
                  Output
                </th>
                <th scope="col" className="num">
                  Cache w / r
                </th>
                <th scope="col" className="num">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr key={row.name}>
                  <th scope="row" className="cell-name cell-head">
                    {row.name}
                  </th>
                  <td className="num" data-label="Requests">
                    {formatCount(row.requests)}
                  </td>
                  <TokenCells row={row} />
                  <td className="num cell-cost" data-label="Cost">
                    {formatUsd(row.cost)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
