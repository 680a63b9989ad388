import { useQuery } from '@tanstack/react-query';

import { friendlyError } from '../lib/errors';
import { formatRelative } from '../lib/format';
import { Link, paths, type Route } from '../lib/router';
import { useTRPC } from '../lib/trpc';
import { ErrorState, Loading } from '../ui/states';
import { useCreateThread } from '../workspace/use-create-thread';

export function Sidebar(props: {
  route: Route;
  user: { name: string; email: string };
  open: boolean;
  signingOut: boolean;
  onSignOut: () => void;
  onNewProject: () => void;
}) {
  const trpc = useTRPC();
  const projects = useQuery(trpc.projects.list.queryOptions());
  const activeProjectId =
    props.route.name === 'project' || props.route.name === 'thread' ? props.route.projectId : null;
  const activeThreadId = props.route.name === 'thread' ? props.route.threadId : null;

  return (
    <nav id="sidebar" className="sidebar" aria-label="Projects and threads" data-open={props.open}>
      <div className="sidebar-scroll">
        <div className="sidebar-head">
          <h2>Projects</h2>
          <button
            type="button"
            className="button small"
            aria-haspopup="dialog"
            onClick={props.onNewProject}
          >
            New project
          </button>
        </div>
        {projects.isPending && <Loading label="Loading projects…" />}
        {projects.isError && (
          <ErrorState compact error={projects.error} onRetry={() => void projects.refetch()} />
        )}
        {projects.data?.length === 0 && (
          <p className="sidebar-empty">No projects yet. Create one to start a thread.</p>
        )}
        {projects.data && projects.data.length > 0 && (
          <ul className="project-list">
            {projects.data.map((project) => {
              const active = project.id === activeProjectId;
              return (
                <li key={project.id} className={active ? 'active' : undefined}>
                  <Link
                    to={paths.project(project.id)}
                    className="project-link"
                    aria-current={active && !activeThreadId ? 'page' : undefined}
                  >
                    <span className="project-dot" aria-hidden="true" />
                    <span className="truncate">{project.name}</span>
                  </Link>
                  {active && <SidebarThreads projectId={project.id} activeId={activeThreadId} />}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <div className="sidebar-foot">
        <Link
          to={paths.usage()}
          className="sidebar-usage"
          aria-current={props.route.name === 'usage' ? 'page' : undefined}
        >
          Usage and costs
        </Link>
        <div className="account">
          <div className="account-who">
            <span className="account-name truncate">{props.user.name}</span>
            <span className="account-email truncate">{props.user.email}</span>
          </div>
          <button
            type="button"
            className="button small ghost"
            disabled={props.signingOut}
            onClick={props.onSignOut}
          >
            {props.signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
    </nav>
  );
}

function SidebarThreads({ projectId, activeId }: { projectId: string; activeId: string | null }) {
  const trpc = useTRPC();
  const threads = useQuery(trpc.threads.list.queryOptions({ projectId }));
  const createThread = useCreateThread(projectId);

  return (
    <div className="thread-nav">
      <button
        type="button"
        className="new-thread"
        disabled={createThread.isPending}
        onClick={() => createThread.run({ projectId })}
      >
        <span aria-hidden="true">+</span> {createThread.isPending ? 'Creating…' : 'New thread'}
      </button>
      {createThread.isError && (
        <p className="form-error small" role="alert">
          {friendlyError(createThread.error)}
        </p>
      )}
      {threads.isPending && <Loading label="Loading threads…" />}
      {threads.isError && (
        <ErrorState compact error={threads.error} onRetry={() => void threads.refetch()} />
      )}
      {threads.data?.length === 0 && <p className="sidebar-empty">No threads yet.</p>}
      {threads.data && threads.data.length > 0 && (
        <ul className="thread-list" aria-label="Threads, most recent first">
          {threads.data.map((thread) => (
            <li key={thread.id}>
              <Link
                to={paths.thread(projectId, thread.id)}
                className="thread-link"
                aria-current={thread.id === activeId ? 'page' : undefined}
              >
                <span className="thread-title truncate">{thread.title}</span>
                <span className="thread-time">{formatRelative(thread.lastMessageAt)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
