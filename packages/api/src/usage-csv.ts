import type { TokenUsage } from '@analyst/core';
import { stringify } from 'csv-stringify/sync';

const COLUMNS = [
  'createdAt',
  'kind',
  'model',
  'inputTokens',
  'outputTokens',
  'cacheCreationInputTokens',
  'cacheCreation5mInputTokens',
  'cacheCreation1hInputTokens',
  'cacheReadInputTokens',
  'cost',
  'priceEntry',
  'outcome',
  'endpoint',
  'threadId',
  'id',
] as const;

/** The month's ledger as RFC 4180 CSV: CRLF line ends, quotes where needed, costs as stored. */
export function toUsageCsv(
  rows: (TokenUsage & { user?: { email: string } })[],
  options: { withEmail: boolean },
): string {
  const { withEmail } = options;
  const header = withEmail ? ['userEmail', ...COLUMNS] : [...COLUMNS];
  const records = rows.map((row) => {
    const values = COLUMNS.map((column) => {
      const value = row[column];
      if (value instanceof Date) return value.toISOString();
      if (value === null) return '';
      // Costs as plain decimals: decimal.js would write a tiny one as 3e-7.
      if (typeof value === 'object') return value.toFixed();
      return value.toString();
    });
    return withEmail ? [row.user?.email ?? '', ...values] : values;
  });
  return stringify([header, ...records], { record_delimiter: '\r\n' });
}
