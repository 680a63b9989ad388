import { useEffect, useId, useRef, type KeyboardEvent } from 'react';

import { formatCount } from '../lib/format';

const MAX_LENGTH = 32_000;

/**
 * Enter sends, Shift+Enter adds a line; while a reply streams it is disabled and Stop shows.
 * `blocked` (the month's budget is spent) disables it up front, saying why: the text stays
 * readable and copyable, but nothing can be typed or sent.
 */
export function Composer(props: {
  value: string;
  onChange: (value: string) => void;
  busy: boolean;
  blocked: string | null;
  onSend: (content: string) => void;
  onStop: () => void;
  autoFocus: boolean;
}) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const hadFocus = useRef(false);
  const { busy, blocked } = props;

  useEffect(() => {
    if (props.autoFocus) ref.current?.focus();
  }, [props.autoFocus]);

  // Give the focus back once the reply is done, if the box had it when the message went or
  // the reply was stopped (the Stop button it was on has gone).
  useEffect(() => {
    if (!busy && hadFocus.current) {
      hadFocus.current = false;
      ref.current?.focus();
    }
  }, [busy]);

  function send() {
    const content = props.value;
    if (busy || blocked !== null || !content.trim() || content.length > MAX_LENGTH) return;
    hadFocus.current = document.activeElement === ref.current;
    props.onSend(content);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  }

  const tooLong = props.value.length > MAX_LENGTH;
  let hint = 'Enter to send, Shift+Enter for a new line.';
  if (blocked !== null) hint = blocked;
  else if (tooLong) {
    hint = `Too long: ${formatCount(props.value.length)} of ${formatCount(MAX_LENGTH)} characters.`;
  }
  return (
    <form
      className="composer"
      data-blocked={blocked !== null || undefined}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor={id} className="sr-only">
        Message
      </label>
      <textarea
        ref={ref}
        id={id}
        className="composer-input"
        rows={1}
        value={props.value}
        disabled={busy}
        readOnly={blocked !== null}
        aria-disabled={blocked !== null || undefined}
        placeholder={
          busy
            ? 'Waiting for the reply…'
            : blocked !== null
              ? 'Sending is paused until the budget resets.'
              : 'Ask about requirements, stories, risks…'
        }
        aria-describedby={`${id}-hint`}
        aria-invalid={tooLong}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {busy ? (
        <button
          type="button"
          className="button stop"
          onClick={() => {
            hadFocus.current = true;
            props.onStop();
          }}
        >
          <span className="stop-square" aria-hidden="true" />
          Stop
        </button>
      ) : (
        <button
          type="submit"
          className="button primary"
          disabled={!props.value.trim() || tooLong || blocked !== null}
        >
          Send
        </button>
      )}
      <p className="composer-hint" id={`${id}-hint`}>
        {hint}
      </p>
    </form>
  );
}
