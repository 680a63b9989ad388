import { formatCount, formatUsd } from '../lib/format';
import { MarkdownText } from './markdown';
import type { MessageView } from './message-view';

const STATE_LABEL: Partial<Record<MessageView['state'], string>> = {
  stopped: 'Stopped',
  partial: 'Partial reply',
  failed: 'Failed',
  refused: 'Not sent',
};

export function MessageItem(props: {
  message: MessageView;
  retryDisabled: boolean;
  onRetry: (content: string) => void;
}) {
  const { message } = props;
  const streaming = message.state === 'sending' || message.state === 'streaming';

  if (message.role === 'user') {
    return (
      <article className="msg msg-user" data-state={message.state} aria-label="Your message">
        <div className="msg-bubble">{message.content}</div>
        {message.state === 'sending' && <p className="msg-note">Sending…</p>}
        {message.state === 'refused' && (
          <p className="msg-note msg-note-warn">Not sent: the monthly budget is used up.</p>
        )}
      </article>
    );
  }

  const label = STATE_LABEL[message.state];
  return (
    <article
      className="msg msg-assistant"
      data-state={message.state}
      data-testid="assistant-message"
      aria-label="Reply from Analyst"
    >
      <div className="msg-avatar" aria-hidden="true">
        A
      </div>
      <div className="msg-main">
        <div
          className="msg-body"
          aria-live={streaming ? 'polite' : undefined}
          aria-busy={streaming}
          data-streaming={streaming || undefined}
        >
          {message.content ? (
            <MarkdownText text={message.content} />
          ) : streaming ? (
            <p className="thinking">
              <span className="dot" />
              <span className="dot" />
              <span className="dot" />
              <span className="sr-only">Writing a reply…</span>
            </p>
          ) : (
            <p className="muted">No text arrived.</p>
          )}
        </div>
        {message.reconnecting && (
          <p className="msg-note" role="status">
            Connection lost, reconnecting…
          </p>
        )}
        {(label ?? message.error) && (
          <div className="msg-problem" role={message.error ? 'alert' : undefined}>
            {label && (
              <span className="badge" data-tone={message.state === 'stopped' ? 'neutral' : 'warn'}>
                {label}
              </span>
            )}
            {message.error && <span className="msg-error">{message.error}</span>}
            {message.retryContent !== null && (
              <button
                type="button"
                className="button small"
                disabled={props.retryDisabled}
                onClick={() => {
                  if (message.retryContent !== null) props.onRetry(message.retryContent);
                }}
              >
                Retry
              </button>
            )}
          </div>
        )}
        {message.usage && message.cost !== null && (
          <p className="msg-meta" data-testid="reply-meta">
            {message.model && <span className="msg-model">{message.model}</span>}
            <span>{formatCount(message.usage.inputTokens)} input tokens</span>
            <span>{formatCount(message.usage.outputTokens)} output</span>
            <span>
              cache {formatCount(message.usage.cacheCreationInputTokens)} written,{' '}
              {formatCount(message.usage.cacheReadInputTokens)} read
            </span>
            <span className="msg-cost" data-testid="reply-cost">
              {formatUsd(message.cost, { exact: true })}
            </span>
          </p>
        )}
      </div>
    </article>
  );
}
