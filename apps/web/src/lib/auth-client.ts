import { createAuthClient } from 'better-auth/react';

/** Sign up, sign in and sign out against the server's /api/auth routes, same origin. */
export const authClient = createAuthClient({ baseURL: window.location.origin });
