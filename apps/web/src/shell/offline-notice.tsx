import { useState } from 'react';

const DISMISSED = 'analyst.offline-notice-dismissed';

function readDismissed(): boolean {
  try {
    return sessionStorage.getItem(DISMISSED) === '1';
  } catch {
    // Storage can be off (private modes, strict settings); the notice then simply stays.
    return false;
  }
}

/** Replies come from the server's offline stand-in; dismissible for the rest of the session. */
export function OfflineNotice({ chatModel }: { chatModel?: string }) {
  const [dismissed, setDismissed] = useState(readDismissed);
  if (dismissed) return null;

  function dismiss() {
    setDismissed(true);
    try {
      sessionStorage.setItem(DISMISSED, '1');
    } catch {
      // As above: without storage it is dismissed until the next reload only.
    }
  }

  return (
    <div className="offline-notice" role="note" data-testid="offline-notice">
      <p className="offline-text">
        <strong>Offline stand-in model.</strong>{' '}
        <span className="offline-detail">
          Replies come from a local stand-in, not Claude
          {chatModel ? (
            <>
              ; costs are computed as if from <code>{chatModel}</code>
            </>
          ) : null}
          .
        </span>
      </p>
      <button
        type="button"
        className="icon-button offline-dismiss"
        aria-label="Dismiss the offline notice"
        onClick={dismiss}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
    </div>
  );
}
