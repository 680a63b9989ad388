import { hashKey, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';

import { ThreadView } from '../chat/thread-view';
import { authClient } from '../lib/auth-client';
import { matchRoute, usePathname, type Route } from '../lib/router';
import { useTRPC } from '../lib/trpc';
import { EmptyState, Loading } from '../ui/states';
import { Home } from '../workspace/home';
import { NewProjectDialog } from '../workspace/new-project-dialog';
import { ProjectView } from '../workspace/project-view';
import { Header } from './header';
import { OfflineNotice } from './offline-notice';
import { Sidebar } from './sidebar';

// The usage page and its chart library load only when someone opens it.
const UsagePage = lazy(() => import('../usage/usage-page'));

export function Workspace(props: {
  user: { id: string; name: string; email: string; createdAt: string };
  offlineModel: boolean;
  chatModel: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const route = matchRoute(pathname);
  const [navOpen, setNavOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [creatingProject, setCreatingProject] = useState(false);
  const openNewProject = () => setCreatingProject(true);

  // Following a link closes the menu on small screens.
  const [lastPath, setLastPath] = useState(pathname);
  if (lastPath !== pathname) {
    setLastPath(pathname);
    setNavOpen(false);
  }

  useEffect(() => {
    if (!navOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setNavOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navOpen]);

  async function signOut() {
    setSigningOut(true);
    try {
      await authClient.signOut();
    } finally {
      const infoKey = trpc.info.queryKey();
      queryClient.setQueryData(infoKey, (info) => (info ? { ...info, user: null } : info));
      const infoHash = hashKey(infoKey);
      queryClient.removeQueries({ predicate: (query) => query.queryHash !== infoHash });
      void queryClient.invalidateQueries({ queryKey: infoKey });
      window.history.replaceState(null, '', '/#/');
    }
  }

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The fragment holds the route, so move the focus without touching it.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <Header navOpen={navOpen} onToggleNav={() => setNavOpen((open) => !open)} />
      {props.offlineModel && <OfflineNotice chatModel={props.chatModel} />}
      {/* Before the page: when it closes on success, the new project's page takes the focus
          after the dialog has handed it back to its opener. */}
      <NewProjectDialog open={creatingProject} onClose={() => setCreatingProject(false)} />
      <div className="shell-body">
        <Sidebar
          route={route}
          user={props.user}
          open={navOpen}
          signingOut={signingOut}
          onSignOut={() => void signOut()}
          onNewProject={openNewProject}
        />
        {navOpen && (
          <div className="backdrop" aria-hidden="true" onClick={() => setNavOpen(false)} />
        )}
        <main id="main" className="main" tabIndex={-1}>
          <Page
            route={route}
            accountCreatedAt={props.user.createdAt}
            onNewProject={openNewProject}
          />
        </main>
      </div>
    </div>
  );
}

function Page(props: { route: Route; accountCreatedAt: string; onNewProject: () => void }) {
  const { route } = props;
  switch (route.name) {
    case 'home':
      return <Home onNewProject={props.onNewProject} />;
    case 'project':
      return <ProjectView key={route.projectId} projectId={route.projectId} />;
    case 'thread':
      return (
        <ThreadView key={route.threadId} projectId={route.projectId} threadId={route.threadId} />
      );
    case 'usage':
      return (
        <Suspense fallback={<Loading label="Loading usage…" className="page-loading" />}>
          <UsagePage accountCreatedAt={props.accountCreatedAt} />
        </Suspense>
      );
    case 'not-found':
      return (
        <div className="page">
          <EmptyState title="Nothing here">
            <p>This address does not lead to a page. Pick a project on the left.</p>
          </EmptyState>
        </div>
      );
  }
}
