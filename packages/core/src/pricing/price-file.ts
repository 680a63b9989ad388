import type Decimal from 'decimal.js';
import { z } from 'zod';

import { Money } from './money.ts';

/** USD per million tokens for each kind of token a request is billed for. */
export type Rates = {
  input: Decimal;
  cacheWrite5m: Decimal;
  cacheWrite1h: Decimal;
  cacheRead: Decimal;
  output: Decimal;
};

/**
 * Rates that replace the base rates for every token of a request whose prompt is over
 * `threshold`.
 */
export type LongContext = {
  threshold: number;
  rates: Rates;
};

/** One row of a price file: the prices of one model family from `effectiveFrom` (a UTC date). */
export type PriceEntry = {
  id: string;
  aliases: readonly string[];
  effectiveFrom: string;
  /** When the Claude API stopped serving the model; such a family is never the default fallback. */
  retiredOn?: string;
  rates: Rates;
  longContext?: LongContext;
  notes?: string;
};

export type PriceFile = {
  version: string;
  currency: 'USD';
  unit: 'per_million_tokens';
  entries: readonly PriceEntry[];
  notes?: string;
};

const decimalString = z
  .string()
  .regex(/^(0|[1-9]\d*)(\.\d+)?$/, { error: 'expected a decimal string such as "3.75"' })
  .transform((value) => new Money(value));

const ratesSchema = z.strictObject({
  input: decimalString,
  cacheWrite5m: decimalString,
  cacheWrite1h: decimalString,
  cacheRead: decimalString,
  output: decimalString,
});

const modelPrefix = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, {
  error: 'expected a model id prefix such as "claude-sonnet-4-5"',
});

const entrySchema = z.strictObject({
  id: modelPrefix,
  aliases: z.array(modelPrefix).default([]),
  effectiveFrom: z.iso.date({ error: 'expected a date as YYYY-MM-DD' }),
  retiredOn: z.iso.date({ error: 'expected a date as YYYY-MM-DD' }).optional(),
  rates: ratesSchema,
  longContext: z
    .strictObject({ threshold: z.number().int().positive(), rates: ratesSchema })
    .optional(),
  notes: z.string().optional(),
});

const priceFileSchema = z.strictObject({
  version: z.string().min(1),
  currency: z.literal('USD'),
  unit: z.literal('per_million_tokens'),
  entries: z.array(entrySchema).superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      const key = `${entry.id}@${entry.effectiveFrom}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: [index], message: `a second row for ${key}` });
      }
      seen.add(key);
    });
  }),
  notes: z.string().optional(),
});

/**
 * Validates the parsed JSON of a price file. Throws an Error that names `source` and the path of
 * each bad field (`entries[3].rates.output`), so a broken file is fixed without a debugger.
 */
export function parsePriceFile(json: unknown, source = 'price file'): PriceFile {
  const result = priceFileSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${formatPath(issue.path)}: ${issue.message}`,
    );
    throw new Error(`Invalid price file ${source}: ${problems.join('; ')}`, {
      cause: result.error,
    });
  }

  return result.data;
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    const name = String(part);
    text += typeof part === 'number' ? `[${name}]` : text === '' ? name : `.${name}`;
  }
  return text === '' ? '(root)' : text;
}
