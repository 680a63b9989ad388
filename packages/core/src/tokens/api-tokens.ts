import { createHash, randomBytes } from 'node:crypto';

import type { CoreDeps } from '../deps.ts';
import { notFound } from '../errors/domain-error.ts';

const PREFIX = 'anl_';

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Makes a bearer token for scripts. Only its hash is stored; the token is shown once. */
export async function createApiToken(options: {
  deps: Pick<CoreDeps, 'db'>;
  email: string;
}): Promise<{ token: string; userId: string }> {
  const user = await options.deps.db.user.findUnique({
    where: { email: options.email.trim().toLowerCase() },
  });
  if (!user) throw notFound(`User ${options.email}`);

  const token = PREFIX + randomBytes(32).toString('base64url');
  await options.deps.db.apiToken.create({ data: { userId: user.id, tokenHash: hash(token) } });
  return { token, userId: user.id };
}

/** The user a bearer token belongs to, or null when it is unknown. */
export async function resolveApiToken(options: {
  deps: Pick<CoreDeps, 'db'>;
  token: string;
}): Promise<{ userId: string } | null> {
  if (!options.token.startsWith(PREFIX)) return null;
  const row = await options.deps.db.apiToken.findUnique({
    where: { tokenHash: hash(options.token) },
    select: { userId: true },
  });
  return row;
}
