import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';

import { errorCode, friendlyError } from '../lib/errors';
import { formatUsd } from '../lib/format';
import { Link, navigate, paths } from '../lib/router';
import { useTRPC } from '../lib/trpc';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useDocumentTitle } from '../ui/use-document-title';
import { BudgetBanner, budgetPause } from './budget-banner';
import { isActive } from './chat-store';
import { useChatStore, useThreadChat } from './chat-store-context';
import { Composer } from './composer';
import { MessageItem } from './message-item';
import { buildMessageViews } from './message-view';
import { ThreadTitle } from './thread-title';

const SUGGESTIONS = [
  'Draft user stories with acceptance criteria for the first release.',
  'What should we ask stakeholders before we estimate this?',
  'List the risks, assumptions and dependencies you can see.',
];

const wideScreen = () => window.matchMedia('(min-width: 800px)').matches;

export function ThreadView({ projectId, threadId }: { projectId: string; threadId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const store = useChatStore();
  const thread = useQuery(trpc.threads.get.queryOptions({ threadId }));
  const projects = useQuery(trpc.projects.list.queryOptions());
  const budget = useQuery(trpc.checkBudget.queryOptions(undefined, { refetchInterval: 60_000 }));
  const { turns, draft, budgetRefusedAt } = useThreadChat(threadId);
  const setDraft = (value: string) => store.setDraft(threadId, value);
  const [confirming, setConfirming] = useState(false);
  const project = projects.data?.find((item) => item.id === projectId);
  useDocumentTitle(thread.data ? `${thread.data.title} · ${project?.name ?? 'Thread'}` : 'Thread');

  const views = useMemo(
    () => buildMessageViews(thread.data?.messages ?? [], turns),
    [thread.data?.messages, turns],
  );
  const busy = turns.some(isActive);
  // Known up front when the month's budget is spent, not only once a message bounces.
  const paused = budgetPause({
    budget: budget.data,
    budgetReadAt: budget.dataUpdatedAt,
    refusedAt: budgetRefusedAt,
  });

  const remove = useMutation(
    trpc.threads.delete.mutationOptions({
      onSuccess: () => {
        queryClient.setQueryData(trpc.threads.list.queryKey({ projectId }), (list) =>
          list?.filter((item) => item.id !== threadId),
        );
        queryClient.removeQueries(trpc.threads.get.queryFilter({ threadId }));
        void queryClient.invalidateQueries(trpc.threads.list.queryFilter({ projectId }));
        // The ledger names each call's thread; this one's calls now read "deleted thread".
        void queryClient.invalidateQueries(trpc.usage.pathFilter());
        navigate(paths.project(projectId), { replace: true });
      },
    }),
  );

  // Follow the reply as it grows, unless the reader has scrolled up to read something.
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const [awayFromEnd, setAwayFromEnd] = useState(false);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [views]);

  function onScroll() {
    const element = scroller.current;
    if (!element) return;
    const atEnd = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
    following.current = atEnd;
    setAwayFromEnd(!atEnd);
  }

  function jumpToEnd() {
    const element = scroller.current;
    if (!element) return;
    following.current = true;
    element.scrollTo({ top: element.scrollHeight, behavior: 'smooth' });
  }

  function send(content: string) {
    following.current = true;
    store.send({ projectId, threadId, content });
  }

  if (thread.isPending) return <Loading label="Loading thread…" className="page-loading" />;
  if (thread.isError) {
    return (
      <div className="page">
        {errorCode(thread.error) === 'NOT_FOUND' ? (
          <EmptyState
            title="Thread not found"
            action={<Link to={paths.project(projectId)}>Back to the project</Link>}
          >
            <p>It may have been deleted.</p>
          </EmptyState>
        ) : (
          <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />
        )}
      </div>
    );
  }

  return (
    <div className="thread-view">
      <header className="thread-header">
        <div className="thread-header-text">
          <Link to={paths.project(projectId)} className="crumb">
            {project?.name ?? 'Project'}
          </Link>
          <ThreadTitle projectId={projectId} threadId={threadId} title={thread.data.title} />
          <p className="thread-total muted small">
            This thread so far: {formatUsd(thread.data.totalCost)}, title updates included
          </p>
        </div>
        <button
          type="button"
          className="button small danger-outline"
          aria-label="Delete thread"
          onClick={() => {
            remove.reset();
            setConfirming(true);
          }}
        >
          Delete<span className="wide-only"> thread</span>
        </button>
      </header>

      <div className="messages" ref={scroller} onScroll={onScroll}>
        <section className="messages-inner" aria-label="Conversation">
          {views.length === 0 ? (
            <EmptyState title="Start the conversation">
              <p>
                Ask Claude about {project?.name ?? 'this project'}: requirements, user stories, edge
                cases or questions for stakeholders. A few ideas:
              </p>
              <ul className="suggestions">
                {SUGGESTIONS.map((suggestion) => (
                  <li key={suggestion}>
                    <button
                      type="button"
                      className="suggestion"
                      disabled={paused !== null}
                      onClick={() => setDraft(suggestion)}
                    >
                      {suggestion}
                    </button>
                  </li>
                ))}
              </ul>
            </EmptyState>
          ) : (
            views.map((view) => (
              <MessageItem key={view.key} message={view} retryDisabled={busy} onRetry={send} />
            ))
          )}
        </section>
      </div>

      <div className="thread-foot">
        {awayFromEnd && busy && (
          <button type="button" className="jump" onClick={jumpToEnd}>
            Jump to the latest
          </button>
        )}
        {paused && <BudgetBanner budget={budget.data} announce={budgetRefusedAt !== null} />}
        <Composer
          value={draft}
          onChange={setDraft}
          busy={busy}
          blocked={paused?.reason ?? null}
          autoFocus={wideScreen()}
          onSend={send}
          onStop={() => store.stop(threadId)}
        />
      </div>

      <ConfirmDialog
        open={confirming}
        title={`Delete “${thread.data.title}”?`}
        confirmLabel="Delete thread"
        pending={remove.isPending}
        error={remove.isError ? friendlyError(remove.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate({ threadId })}
      >
        <p>Its messages are deleted. Usage records and costs are kept. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
