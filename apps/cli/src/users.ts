import { DomainError } from '@analyst/core';
import type { PrismaClient, User } from '@analyst/db';

/** The user with this email, or a NOT_FOUND domain error the command reports as a bad argument. */
export async function requireUser(db: PrismaClient, email: string): Promise<User> {
  // Accounts keep their email in lower case, as sign-up stores it.
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw new DomainError('NOT_FOUND', `User ${email} not found.`);

  return user;
}
