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

type CsvRow = TokenUsage & {
  user?: { email: string };
  thread?: { title: string; project: { name: string } } | null;
};

/** The month's ledger as RFC 4180 CSV: CRLF line ends, quotes where needed, costs as stored. */
export function toUsageCsv(rows: CsvRow[], options: { withEmail: boolean }): string {
  const { withEmail } = options;
  const header = [...(withEmail ? ['userEmail'] : []), ...COLUMNS, 'projectName', 'threadTitle'];
  const records = rows.map((row) => {
    const values = COLUMNS.map((column) => {
      const value = row[column];
      if (value instanceof Date) return value.toISOString();
      if (value === null) return '';
      // Costs as plain decimals: decimal.js would write a tiny one as 3e-7.
      if (typeof value === 'object') return value.toFixed();
      return value.toString();
    });
    const labels = [row.thread?.project.name ?? '', row.thread?.title ?? ''];
    return [...(withEmail ? [row.user?.email ?? ''] : []), ...values, ...labels];
  });
  return stringify([header, ...records], { record_delimiter: '\r\n' });
}
