import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { formatDateTime, formatUsd } from '../lib/format';
import { Link, paths } from '../lib/router';
import { useTRPC, type UsageRow } from '../lib/trpc';
import { ErrorState, Loading } from '../ui/states';
import { TokenCells } from './token-cells';

/** The month's ledger, newest first, a page at a time (the server hands out cursors). */
export function LedgerTable({ month }: { month: string }) {
  const trpc = useTRPC();
  const [pageIndex, setPageIndex] = useState(0);
  const ledger = useInfiniteQuery(
    trpc.usage.list.infiniteQueryOptions(
      { month, limit: 25 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const pages = ledger.data?.pages ?? [];
  const page = pages[pageIndex];
  const hasNext = pageIndex + 1 < pages.length || ledger.hasNextPage;

  async function next() {
    if (pageIndex + 1 >= pages.length) {
      const result = await ledger.fetchNextPage();
      if (result.isError) return;
    }
    setPageIndex((index) => index + 1);
  }

  return (
    <section className="card" aria-labelledby="ledger">
      <h2 id="ledger">Ledger</h2>
      {ledger.isPending && <Loading label="Loading ledger…" />}
      {ledger.isError && <ErrorState error={ledger.error} onRetry={() => void ledger.refetch()} />}
      {page && page.rows.length === 0 && pageIndex === 0 && (
        <p className="muted">No model calls recorded this month.</p>
      )}
      {page && page.rows.length > 0 && (
        // A table on wide screens; below 640 px each row stacks into a card (usage.css), with
        // its cells labelled from data-label, so the cost is never scrolled out of sight.
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Ledger rows">
          <table className="table stack">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Thread</th>
                <th scope="col">Kind</th>
                <th scope="col">Model</th>
                <th scope="col" className="num">
                  Input
                </th>
                <th scope="col" className="num">
                  Output
                </th>
                <th scope="col" className="num">
                  Cache w / r
                </th>
                <th scope="col">Outcome</th>
                <th scope="col" className="num">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id} data-testid="ledger-row">
                  <td className="nowrap cell-head" data-label="Time">
                    {formatDateTime(row.createdAt)}
                  </td>
                  <td className="ledger-thread cell-line" data-label="Thread">
                    <ThreadCell row={row} />
                  </td>
                  <td data-label="Kind">{row.kind}</td>
                  <td className="nowrap" data-label="Model">
                    {row.model}
                  </td>
                  <TokenCells row={row} />
                  <td data-label="Outcome">{row.outcome}</td>
                  <td className="num nowrap cell-cost" data-label="Cost">
                    {formatUsd(row.cost)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(pageIndex > 0 || hasNext) && (
        <nav className="pager" aria-label="Ledger pages">
          <button
            type="button"
            className="button small"
            disabled={pageIndex === 0}
            onClick={() => setPageIndex((index) => Math.max(0, index - 1))}
          >
            Newer
          </button>
          <span className="muted small" aria-live="polite">
            Page {pageIndex + 1}
          </span>
          <button
            type="button"
            className="button small"
            disabled={!hasNext || ledger.isFetchingNextPage}
            onClick={() => void next()}
          >
            {ledger.isFetchingNextPage ? 'Loading…' : 'Older'}
          </button>
        </nav>
      )}
    </section>
  );
}

/** The project and thread a call was for; a deleted thread keeps its cost but not its name. */
function ThreadCell({ row }: { row: UsageRow }) {
  if (row.threadTitle === null) return <span className="muted">deleted thread</span>;
  return (
    <span className="ledger-thread-name">
      {row.projectId === null || row.threadId === null ? (
        <span>{row.threadTitle}</span>
      ) : (
        <Link to={paths.thread(row.projectId, row.threadId)}>{row.threadTitle}</Link>
      )}
      {row.projectName !== null && <span className="muted small">{row.projectName}</span>}
    </span>
  );
}
