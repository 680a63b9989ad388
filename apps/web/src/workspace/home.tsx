import { useQuery } from '@tanstack/react-query';

import { formatRelative } from '../lib/format';
import { Link, paths } from '../lib/router';
import { useTRPC } from '../lib/trpc';
import { ErrorState, Loading } from '../ui/states';
import { useDocumentTitle } from '../ui/use-document-title';
import { ProjectForm } from './project-form';
import { useCreateProject } from './use-create-project';

/** Projects, or on a first visit a welcome with the form for the first one. */
export function Home({ onNewProject }: { onNewProject: () => void }) {
  const trpc = useTRPC();
  const projects = useQuery(trpc.projects.list.queryOptions());
  const createProject = useCreateProject();
  useDocumentTitle('Projects');

  if (projects.isPending) return <Loading label="Loading projects…" className="page-loading" />;
  if (projects.isError) {
    return (
      <div className="page">
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
      </div>
    );
  }

  if (projects.data.length === 0) {
    return (
      <div className="page narrow">
        <h1 className="page-title" tabIndex={-1}>
          Welcome to Analyst
        </h1>
        <p className="lead">
          Start with a project: one product or feature area you are analysing. Its description is
          given to Claude in every thread, so say what the product does and for whom.
        </p>
        <section className="card" aria-labelledby="first-project">
          <h2 id="first-project">Create your first project</h2>
          <ProjectForm
            submitLabel="Create project"
            pendingLabel="Creating…"
            pending={createProject.isPending}
            error={createProject.error}
            onSubmit={createProject.run}
          />
        </section>
      </div>
    );
  }

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1 className="page-title">Projects</h1>
          <p className="lead">Pick a project to see its threads, or start a new one.</p>
        </div>
        <button type="button" className="button primary" onClick={onNewProject}>
          New project
        </button>
      </header>
      <ul className="project-cards">
        {projects.data.map((project) => (
          <li key={project.id}>
            <Link to={paths.project(project.id)} className="card project-card">
              <span className="project-card-name">{project.name}</span>
              <span className="project-card-desc">
                {project.description || 'No description yet.'}
              </span>
              <span className="muted small">Updated {formatRelative(project.updatedAt)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
