import { useId, useRef, useState, type SubmitEvent } from 'react';

import { friendlyError } from '../lib/errors';

/** A project's name and description; the one form for making a project and for editing one. */
export function ProjectForm(props: {
  initial?: { name: string; description: string };
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  autoFocus?: boolean;
  onSubmit: (values: { name: string; description: string }) => void;
  onCancel?: () => void;
}) {
  const ids = { name: useId(), description: useId(), error: useId() };
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(props.initial?.name ?? '');
  const [description, setDescription] = useState(props.initial?.description ?? '');
  const [missingName, setMissingName] = useState(false);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (props.pending) return;
    if (!name.trim()) {
      setMissingName(true);
      nameRef.current?.focus();
      return;
    }
    props.onSubmit({ name: name.trim(), description: description.trim() });
  }

  return (
    <form className="form project-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={ids.name}>Project name</label>
        <input
          ref={nameRef}
          id={ids.name}
          value={name}
          maxLength={200}
          autoFocus={props.autoFocus}
          aria-invalid={missingName}
          aria-describedby={missingName ? ids.error : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setMissingName(false);
          }}
        />
        {missingName && (
          <p className="field-error" id={ids.error}>
            A project needs a name.
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.description}>
          Description <span className="optional">(optional)</span>
        </label>
        <textarea
          id={ids.description}
          value={description}
          maxLength={5000}
          rows={3}
          placeholder="What the product does, who uses it, constraints Claude should know."
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      {props.error ? (
        <p className="form-error" role="alert">
          {friendlyError(props.error)}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={props.pending}>
          {props.pending ? props.pendingLabel : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button ghost" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
