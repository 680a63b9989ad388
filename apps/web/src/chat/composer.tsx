import { useEffect, useId, useRef, type KeyboardEvent } from 'react';

const MAX_LENGTH = 32_000;

/** Enter sends, Shift+Enter adds a line; while a reply streams it is disabled and Stop shows. */
export function Composer(props: {
  value: string;
  onChange: (value: string) => void;
  busy: boolean;
  onSend: (content: string) => void;
  onStop: () => void;
  autoFocus: boolean;
}) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const hadFocus = useRef(false);
  const { busy } = props;

  useEffect(() => {
    if (props.autoFocus) ref.current?.focus();
  }, [props.autoFocus]);

  // Give the focus back once the reply is done, if the box had it when the message went.
  useEffect(() => {
    if (!busy && hadFocus.current) {
      hadFocus.current = false;
      ref.current?.focus();
    }
  }, [busy]);

  function send() {
    const content = props.value;
    if (busy || !content.trim()) return;
    hadFocus.current = document.activeElement === ref.current;
    props.onSend(content);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  }

  const tooLong = props.value.length > MAX_LENGTH;
  return (
    <form
      className="composer"
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
        placeholder={busy ? 'Waiting for the reply…' : 'Ask about requirements, stories, risks…'}
        aria-describedby={`${id}-hint`}
        aria-invalid={tooLong}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {busy ? (
        <button type="button" className="button stop" onClick={props.onStop}>
          <span className="stop-square" aria-hidden="true" />
          Stop
        </button>
      ) : (
        <button type="submit" className="button primary" disabled={!props.value.trim() || tooLong}>
          Send
        </button>
      )}
      <p className="composer-hint" id={`${id}-hint`}>
        {tooLong
          ? `Too long: ${String(props.value.length)} of ${String(MAX_LENGTH)} characters.`
          : 'Enter to send, Shift+Enter for a new line.'}
      </p>
    </form>
  );
}
