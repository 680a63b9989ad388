export interface AuthProblem {
  field: 'email' | 'password' | 'form';
  message: string;
  /** Offer to switch to signing in, with the email kept. */
  offerSignIn?: boolean;
}

/** better-auth's refusals, by their code (then status), as a sentence beside the right field. */
export function describeAuthError(
  error: { code?: string | undefined; status: number },
  mode: 'sign-in' | 'sign-up',
): AuthProblem {
  switch (error.code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
      return { field: 'form', message: 'That email and password do not match an account.' };
    case 'USER_ALREADY_EXISTS':
    case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
      return {
        field: 'email',
        message: 'An account with this email already exists.',
        offerSignIn: true,
      };
    case 'INVALID_EMAIL':
      return { field: 'email', message: 'Enter a valid email address.' };
    case 'PASSWORD_TOO_SHORT':
      return { field: 'password', message: 'Use at least 8 characters.' };
    case 'PASSWORD_TOO_LONG':
      return { field: 'password', message: 'That password is too long.' };
  }
  if (error.status === 429) {
    return { field: 'form', message: 'Too many attempts. Wait a few seconds and try again.' };
  }
  if (error.status === 401 && mode === 'sign-in') {
    return { field: 'form', message: 'That email and password do not match an account.' };
  }
  return { field: 'form', message: 'That did not work. Try again in a moment.' };
}
