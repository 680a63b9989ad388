import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';

import { friendlyError } from '../lib/errors';
import { useTRPC } from '../lib/trpc';

/** The thread's title as a heading, renamed in place. */
export function ThreadTitle(props: { projectId: string; threadId: string; title: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(props.title);
  // Once the form has been open, closing it puts the focus back on the button that opened it.
  const [returnFocus, setReturnFocus] = useState(false);

  function close() {
    setReturnFocus(true);
    setEditing(false);
  }

  const rename = useMutation(
    trpc.threads.rename.mutationOptions({
      onSuccess: (thread) => {
        queryClient.setQueryData(trpc.threads.get.queryKey({ threadId: thread.id }), (old) =>
          old ? { ...old, title: thread.title, titleSource: thread.titleSource } : old,
        );
        queryClient.setQueryData(
          trpc.threads.list.queryKey({ projectId: props.projectId }),
          (threads) => threads?.map((item) => (item.id === thread.id ? thread : item)),
        );
        void queryClient.invalidateQueries(trpc.usage.pathFilter()); // the ledger names threads
        close();
      },
    }),
  );

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const title = draft.trim();
    if (!title || title === props.title) {
      close();
      return;
    }
    rename.mutate({ threadId: props.threadId, title });
  }

  if (!editing) {
    return (
      <div className="thread-title-row">
        <h1 className="thread-heading truncate" title={props.title}>
          {props.title}
        </h1>
        <button
          type="button"
          autoFocus={returnFocus}
          className="button small ghost rename"
          aria-label="Rename thread"
          title="Rename thread"
          onClick={() => {
            setDraft(props.title);
            rename.reset();
            setEditing(true);
          }}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path
              d="M11.3 2.3a1.4 1.4 0 0 1 2 2L5.6 12l-2.8.8.8-2.8z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinejoin="round"
            />
          </svg>
          <span className="wide-only">Rename</span>
        </button>
      </div>
    );
  }

  return (
    <form className="thread-title-form" onSubmit={submit}>
      <input
        aria-label="Thread title"
        value={draft}
        maxLength={100}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            close();
          }
        }}
      />
      <button type="submit" className="button small primary" disabled={rename.isPending}>
        {rename.isPending ? 'Saving…' : 'Save'}
      </button>
      <button type="button" className="button small ghost" onClick={close}>
        Cancel
      </button>
      {rename.isError && (
        <p className="form-error" role="alert">
          {friendlyError(rename.error)}
        </p>
      )}
    </form>
  );
}
