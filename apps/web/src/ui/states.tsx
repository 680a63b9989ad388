import type { ReactNode } from 'react';

import { friendlyError } from '../lib/errors';

export function Loading({ label, className }: { label: string; className?: string }) {
  return (
    <div className={`loading ${className ?? ''}`} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorState(props: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  return (
    <div className={`error-state ${props.compact ? 'compact' : ''}`} role="alert">
      <p>{friendlyError(props.error)}</p>
      {props.onRetry && (
        <button type="button" className="button small" onClick={props.onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState(props: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{props.title}</h2>
      {props.children && <div className="empty-body">{props.children}</div>}
      {props.action}
    </div>
  );
}
