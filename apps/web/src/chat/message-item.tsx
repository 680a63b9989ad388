import { useId, useState } from 'react';

import { formatCount, formatUsd } from '../lib/format';
import { Link, paths } from '../lib/router';
import { MarkdownText } from './markdown';
import type { MessageView } from './message-view';
import { describeReplyProblem } from './reply-wording';

/** Longer questions (pasted specs, transcripts) fold to a few lines until asked for. */
const COLLAPSE_OVER = 1500;

export function MessageItem(props: {
  message: MessageView;
  retryDisabled: boolean;
  onRetry: (content: string) => void;
}) {
  const { message } = props;
  if (message.role === 'user') return <UserMessage message={message} />;

  const streaming = message.state === 'sending' || message.state === 'streaming';
  const problem = describeReplyProblem(message.state, message.reason);
  const usage = message.usage;
  const cached = usage ? usage.cacheCreationInputTokens + usage.cacheReadInputTokens > 0 : false;
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
        {problem && (
          <div
            className="msg-problem"
            role={message.live && problem.tone === 'warn' ? 'alert' : undefined}
          >
            <p data-testid="reply-problem">
              <span className="badge" data-tone={problem.tone}>
                {problem.label}
              </span>{' '}
              — {problem.detail}
            </p>
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
        {usage && message.cost !== null && (
          <p className="msg-meta" data-testid="reply-meta">
            {message.model && <span className="msg-model">{message.model}</span>}
            <span>{formatCount(usage.inputTokens)} input tokens</span>
            <span>{formatCount(usage.outputTokens)} output</span>
            {cached && (
              <span>
                cache {formatCount(usage.cacheCreationInputTokens)} written,{' '}
                {formatCount(usage.cacheReadInputTokens)} read
              </span>
            )}
            <span className="msg-cost" data-testid="reply-cost">
              {formatUsd(message.cost)}
            </span>
          </p>
        )}
        {message.retitledAs !== null && (
          <p className="msg-note" role="status" data-testid="title-note">
            Title updated to “{message.retitledAs}”. Naming the thread is a small extra model call,
            listed in <Link to={paths.usage()}>Usage and costs</Link>.
          </p>
        )}
      </div>
    </article>
  );
}

function UserMessage({ message }: { message: MessageView }) {
  const [expanded, setExpanded] = useState(false);
  const bodyId = useId();
  const long = message.content.length > COLLAPSE_OVER;
  return (
    <article className="msg msg-user" data-state={message.state} aria-label="Your message">
      <div id={bodyId} className="msg-bubble" data-collapsed={long && !expanded ? true : undefined}>
        {message.content}
      </div>
      {long && (
        <button
          type="button"
          className="button small ghost msg-toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? 'Show less' : `Show more (${formatCount(message.content.length)} characters)`}
        </button>
      )}
      {message.state === 'sending' && <p className="msg-note">Sending…</p>}
    </article>
  );
}
