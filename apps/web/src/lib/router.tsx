import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// A small hash router: the app has four kinds of page, so a dependency would be overkill. The
// page lives in the fragment (/#/projects/:id/threads/:id), which the server never sees, so a
// reload or a shared link lands on the same page whatever path fallback the host has. A plain
// path from an older link (/projects/...) is moved into the fragment on load.

const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

if (window.location.pathname !== '/' && !window.location.hash) {
  window.history.replaceState(null, '', `/#${window.location.pathname}`);
}
window.addEventListener('hashchange', notify);
window.addEventListener('popstate', notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function currentPath(): string {
  const path = window.location.hash.replace(/^#/, '');
  return path.startsWith('/') ? path : '/';
}

/** Where the page being opened should put the focus, beyond its usual start. */
export type FocusRequest = 'first-action';

export function navigate(to: string, options: { replace?: boolean; focus?: FocusRequest } = {}) {
  if (to === currentPath()) return;
  const state = options.focus ? { focus: options.focus } : null;
  if (options.replace) window.history.replaceState(state, '', `/#${to}`);
  else window.history.pushState(state, '', `/#${to}`);
  notify();
}

/** The focus request this page was opened with, once: a reload or a return to it has none. */
export function takeFocusRequest(): FocusRequest | null {
  const state: unknown = window.history.state;
  if (typeof state !== 'object' || state === null || !('focus' in state)) return null;
  window.history.replaceState(null, '', window.location.href);
  return state.focus === 'first-action' ? 'first-action' : null;
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export type Route =
  | { name: 'home' }
  | { name: 'project'; projectId: string }
  | { name: 'thread'; projectId: string; threadId: string }
  | { name: 'usage' }
  | { name: 'not-found' };

export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, projectId, third, threadId, ...rest] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'usage' && parts.length === 1) return { name: 'usage' };
  if (first === 'projects' && projectId && rest.length === 0) {
    if (third === undefined) return { name: 'project', projectId };
    if (third === 'threads' && threadId) return { name: 'thread', projectId, threadId };
  }
  return { name: 'not-found' };
}

export const paths = {
  home: () => '/',
  usage: () => '/usage',
  project: (projectId: string) => `/projects/${encodeURIComponent(projectId)}`,
  thread: (projectId: string, threadId: string) =>
    `/projects/${encodeURIComponent(projectId)}/threads/${encodeURIComponent(threadId)}`,
};

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** A real link (middle click, copy address) that navigates in place on a plain click. */
export function Link({ to, onClick, ...props }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || modified || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={`/#${to}`} onClick={handleClick} {...props} />;
}
