import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';

import { formatCount, formatRelative } from '../lib/format';
import { Link, navigate, paths, takeFocusRequest } from '../lib/router';
import { useTRPC } from '../lib/trpc';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useDocumentTitle } from '../ui/use-document-title';
import { friendlyError } from '../lib/errors';
import { ProjectForm } from './project-form';
import { useCreateThread } from './use-create-thread';

export function ProjectView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const projects = useQuery(trpc.projects.list.queryOptions());
  const threads = useQuery(trpc.threads.list.queryOptions({ projectId }));
  const createThread = useCreateThread(projectId);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const project = projects.data?.find((candidate) => candidate.id === projectId);
  useDocumentTitle(project?.name);

  // Just created: the focus goes to what comes next, starting a thread, rather than the page.
  const newThreadButton = useRef<HTMLButtonElement>(null);
  const found = project !== undefined;
  useEffect(() => {
    if (found && takeFocusRequest() === 'first-action') newThreadButton.current?.focus();
  }, [found]);

  const update = useMutation(
    trpc.projects.update.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.projects.list.queryKey(), (list) =>
          list?.map((item) => (item.id === updated.id ? updated : item)),
        );
        void queryClient.invalidateQueries(trpc.projects.list.queryFilter());
        void queryClient.invalidateQueries(trpc.usage.pathFilter()); // the ledger names projects
        setEditing(false);
      },
    }),
  );
  const remove = useMutation(
    trpc.projects.delete.mutationOptions({
      onSuccess: () => {
        queryClient.setQueryData(trpc.projects.list.queryKey(), (list) =>
          list?.filter((item) => item.id !== projectId),
        );
        queryClient.removeQueries(trpc.threads.list.queryFilter({ projectId }));
        void queryClient.invalidateQueries(trpc.projects.list.queryFilter());
        void queryClient.invalidateQueries(trpc.usage.pathFilter());
        navigate(paths.home(), { replace: true });
      },
    }),
  );

  if (projects.isPending) return <Loading label="Loading project…" className="page-loading" />;
  if (projects.isError) {
    return (
      <div className="page">
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
      </div>
    );
  }
  if (!project) {
    return (
      <div className="page">
        <EmptyState
          title="Project not found"
          action={<Link to={paths.home()}>See all projects</Link>}
        >
          <p>It may have been deleted.</p>
        </EmptyState>
      </div>
    );
  }

  const threadCount = threads.data?.length ?? 0;
  return (
    <div className="page">
      {editing ? (
        <section className="card" aria-labelledby="edit-project">
          <h1 id="edit-project" className="page-title">
            Edit project
          </h1>
          <ProjectForm
            initial={{ name: project.name, description: project.description }}
            autoFocus
            submitLabel="Save changes"
            pendingLabel="Saving…"
            pending={update.isPending}
            error={update.error}
            onSubmit={(values) => update.mutate({ projectId, ...values })}
            onCancel={() => {
              update.reset();
              setEditing(false);
            }}
          />
        </section>
      ) : (
        <header className="project-header">
          <div className="project-header-text">
            <h1 className="page-title">{project.name}</h1>
            <p
              className={project.description ? 'project-description' : 'project-description muted'}
            >
              {project.description || 'No description yet. Add one so Claude knows the context.'}
            </p>
          </div>
          <div className="project-actions">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Edit details
            </button>
            <button
              type="button"
              className="button danger-outline"
              onClick={() => {
                remove.reset();
                setConfirming(true);
              }}
            >
              Delete project
            </button>
          </div>
        </header>
      )}

      <section className="section" aria-labelledby="threads-heading">
        <div className="section-head">
          <h2 id="threads-heading">Threads</h2>
          <button
            ref={newThreadButton}
            type="button"
            className="button primary"
            disabled={createThread.isPending}
            onClick={() => createThread.run({ projectId })}
          >
            {createThread.isPending ? 'Creating…' : 'New thread'}
          </button>
        </div>
        {createThread.isError && (
          <p className="form-error" role="alert">
            {friendlyError(createThread.error)}
          </p>
        )}
        {threads.isPending && <Loading label="Loading threads…" />}
        {threads.isError && (
          <ErrorState error={threads.error} onRetry={() => void threads.refetch()} />
        )}
        {threads.data?.length === 0 && (
          <EmptyState title="No threads yet">
            <p>
              Start a thread to work through requirements, user stories, risks or open questions for{' '}
              {project.name}.
            </p>
          </EmptyState>
        )}
        {threads.data && threads.data.length > 0 && (
          <ul className="thread-cards">
            {threads.data.map((thread) => (
              <li key={thread.id}>
                <Link to={paths.thread(projectId, thread.id)} className="thread-card">
                  <span className="thread-card-title">{thread.title}</span>
                  <span className="muted small">
                    {formatCount(thread.messageCount)}{' '}
                    {thread.messageCount === 1 ? 'message' : 'messages'} ·{' '}
                    {formatRelative(thread.lastMessageAt)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ConfirmDialog
        open={confirming}
        title={`Delete “${project.name}”?`}
        confirmLabel="Delete project"
        pending={remove.isPending}
        error={remove.isError ? friendlyError(remove.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate({ projectId })}
      >
        <p>
          This deletes {whatGoes(threadCount)}. Usage records and costs are kept. This cannot be
          undone.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function whatGoes(threadCount: number): string {
  if (threadCount === 0) return 'the project';
  if (threadCount === 1) return 'the project, its thread and every message in it';
  return `the project, its ${String(threadCount)} threads and every message in them`;
}
