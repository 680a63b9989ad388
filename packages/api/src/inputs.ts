import { MAX_MESSAGE_LENGTH } from '@analyst/core';
import { z } from 'zod';

export const id = z.string().trim().min(1, 'An id is required.').max(100);
export const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is written YYYY-MM.')
  .optional();

export const chatInput = z.object({
  threadId: id,
  clientMessageId: z.uuid('clientMessageId must be a UUID.'),
  content: z
    .string()
    .min(1, 'A message cannot be empty.')
    .max(MAX_MESSAGE_LENGTH, `A message has at most ${String(MAX_MESSAGE_LENGTH)} characters.`),
  // Sent back by the subscription link when it reconnects.
  lastEventId: z.string().nullish(),
});
