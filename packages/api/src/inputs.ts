import { MAX_MESSAGE_LENGTH } from '@analyst/core';
import { z } from 'zod';

/**
 * Text as people write it. PostgreSQL cannot store the NUL character, so it is refused here as
 * bad input rather than failing deep in the database.
 */
export const text = () =>
  z.string().refine((value) => !value.includes('\u0000'), 'Text cannot contain NUL characters.');

export const id = text().trim().min(1, 'An id is required.').max(100);
export const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is written YYYY-MM.')
  .optional();

export const chatInput = z.object({
  threadId: id,
  clientMessageId: z.uuid('clientMessageId must be a UUID.'),
  content: text()
    .min(1, 'A message cannot be empty.')
    .max(MAX_MESSAGE_LENGTH, `A message has at most ${String(MAX_MESSAGE_LENGTH)} characters.`),
  // Sent back by the subscription link when it reconnects.
  lastEventId: z.string().nullish(),
});

/**
 * Accepts `{ id }` where `{ projectId }` or `{ threadId }` is meant: both spellings are natural
 * for callers, and the record is the same.
 */
export function withIdAlias<T extends z.ZodType>(key: 'projectId' | 'threadId', schema: T): T {
  // Typed as the plain schema so typed clients keep one spelling; the alias is for the wire.
  return z.preprocess((value) => {
    if (typeof value !== 'object' || value === null || key in value || !('id' in value)) {
      return value;
    }
    const { id: alias, ...rest } = value as Record<string, unknown>;
    return { ...rest, [key]: alias };
  }, schema) as unknown as T;
}
