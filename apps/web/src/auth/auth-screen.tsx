import { hashKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';

import { authClient } from '../lib/auth-client';
import { useTRPC } from '../lib/trpc';
import { OfflineNotice } from '../shell/offline-notice';
import { useDocumentTitle } from '../ui/use-document-title';
import { describeAuthError, type AuthProblem } from './auth-errors';

type Mode = 'sign-in' | 'sign-up';

/** Which field a freshly shown form focuses, and what it starts with. */
interface Start {
  email: string;
  focus: 'email' | 'password' | null;
}

export function AuthScreen(props: { offlineModel: boolean; sessionEnded: boolean }) {
  const [mode, setMode] = useState<Mode>('sign-in');
  // On load the email field has the focus; after a click on a tab it stays on the tab.
  const [start, setStart] = useState<Start>({ email: '', focus: 'email' });
  useDocumentTitle(mode === 'sign-in' ? 'Sign in' : 'Create account');

  function choose(next: Mode) {
    setStart({ email: '', focus: null });
    setMode(next);
  }

  return (
    <div className="auth-page">
      {props.offlineModel && <OfflineNotice />}
      <main className="auth-main" id="main">
        <div className="auth-card">
          <div className="brand brand-large">
            <span className="brand-mark" aria-hidden="true">
              A
            </span>
            <span>Analyst</span>
          </div>
          <h1 className="auth-title">
            {mode === 'sign-in' ? 'Sign in to Analyst' : 'Create your Analyst account'}
          </h1>
          {props.sessionEnded && (
            <p className="banner banner-info" role="alert">
              You were signed out. Sign in again to continue.
            </p>
          )}
          <p className="auth-tagline">
            Work through requirements with Claude, project by project, and see what every reply
            costs.
          </p>
          <div className="segmented" role="group" aria-label="Account">
            <button
              type="button"
              aria-pressed={mode === 'sign-in'}
              onClick={() => choose('sign-in')}
            >
              Sign in
            </button>
            <button
              type="button"
              aria-pressed={mode === 'sign-up'}
              onClick={() => choose('sign-up')}
            >
              Create account
            </button>
          </div>
          <AuthForm
            key={mode}
            mode={mode}
            start={start}
            onSignInInstead={(email) => {
              setStart({ email, focus: 'password' });
              setMode('sign-in');
            }}
          />
        </div>
      </main>
    </div>
  );
}

function AuthForm(props: { mode: Mode; start: Start; onSignInInstead: (email: string) => void }) {
  const { mode } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = { name: useId(), email: useId(), password: useId(), error: useId() };
  const [name, setName] = useState('');
  const [email, setEmail] = useState(props.start.email);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<AuthProblem | null>(null);
  const [pending, setPending] = useState(false);
  const signUp = mode === 'sign-up';

  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const firstFocus = useRef(props.start.focus);
  useEffect(() => {
    if (firstFocus.current === 'email') emailRef.current?.focus();
    if (firstFocus.current === 'password') passwordRef.current?.focus();
  }, []);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (signUp && password.length < 8) {
      setProblem({ field: 'password', message: 'Use at least 8 characters.' });
      return;
    }
    setPending(true);
    setProblem(null);
    try {
      const result = signUp
        ? await authClient.signUp.email({ name: name.trim(), email: email.trim(), password })
        : await authClient.signIn.email({ email: email.trim(), password });
      if (result.error) {
        setProblem(describeAuthError(result.error, mode));
        return;
      }
      // Whatever an earlier account left in the cache is not this person's.
      const infoHash = hashKey(trpc.info.queryKey());
      queryClient.removeQueries({ predicate: (query) => query.queryHash !== infoHash });
      await queryClient.invalidateQueries(trpc.info.queryFilter());
    } catch {
      setProblem({ field: 'form', message: 'Cannot reach Analyst. Check your connection.' });
    } finally {
      setPending(false);
    }
  }

  const fieldError = (field: AuthProblem['field']) =>
    problem?.field === field ? (
      <p className="field-error" id={`${ids.error}-${field}`}>
        {problem.message}
        {problem.offerSignIn && (
          <>
            {' '}
            <button
              type="button"
              className="link-button"
              onClick={() => props.onSignInInstead(email.trim())}
            >
              Sign in instead
            </button>
          </>
        )}
      </p>
    ) : null;
  const describedBy = (field: AuthProblem['field']) =>
    problem?.field === field ? `${ids.error}-${field}` : undefined;

  return (
    <form className="form auth-form" onSubmit={(event) => void submit(event)} noValidate>
      {signUp && (
        <div className="field">
          <label htmlFor={ids.name}>Name</label>
          <input
            id={ids.name}
            name="name"
            autoComplete="name"
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.email}>Email</label>
        <input
          ref={emailRef}
          id={ids.email}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          aria-invalid={problem?.field === 'email'}
          aria-describedby={describedBy('email')}
          onChange={(event) => setEmail(event.target.value)}
        />
        {fieldError('email')}
      </div>
      <div className="field">
        <label htmlFor={ids.password}>Password</label>
        <input
          ref={passwordRef}
          id={ids.password}
          name="password"
          type="password"
          autoComplete={signUp ? 'new-password' : 'current-password'}
          required
          minLength={signUp ? 8 : undefined}
          value={password}
          aria-invalid={problem?.field === 'password'}
          aria-describedby={describedBy('password') ?? (signUp ? `${ids.error}-hint` : undefined)}
          onChange={(event) => setPassword(event.target.value)}
        />
        {signUp && problem?.field !== 'password' && (
          <p className="field-hint" id={`${ids.error}-hint`}>
            At least 8 characters.
          </p>
        )}
        {fieldError('password')}
      </div>
      <div aria-live="assertive">
        {problem?.field === 'form' && (
          <p className="form-error" role="alert">
            {problem.message}
          </p>
        )}
      </div>
      <button
        type="submit"
        className="button primary block"
        disabled={pending || !email || !password || (signUp && !name.trim())}
      >
        {pending
          ? signUp
            ? 'Creating account…'
            : 'Signing in…'
          : signUp
            ? 'Create account'
            : 'Sign in'}
      </button>
    </form>
  );
}
