import { useEffect, useId, useRef } from 'react';

import { ProjectForm } from './project-form';
import { useCreateProject } from './use-create-project';

/**
 * The one place a project is made once there are projects: the sidebar's and the projects
 * page's "New project" both open it, so there is a single form with a single set of labels.
 * Modal, so nothing behind it can be mixed up with its fields.
 */
export function NewProjectDialog(props: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const createProject = useCreateProject(props.onClose);
  const { reset } = createProject;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      reset();
      dialog.showModal();
    }
    if (!props.open && dialog.open) dialog.close();
  }, [props.open, reset]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={titleId}>New project</h2>
      {props.open && (
        <ProjectForm
          submitLabel="Create project"
          pendingLabel="Creating…"
          pending={createProject.isPending}
          error={createProject.error}
          onSubmit={createProject.run}
          onCancel={props.onClose}
        />
      )}
    </dialog>
  );
}
