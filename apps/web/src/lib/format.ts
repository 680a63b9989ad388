/**
 * Money arrives as an exact decimal string and is shown as exactly that: never through a float,
 * never rounded, so a fraction of a cent cannot read as $0.00 and two views of one cost always
 * agree. Trailing zeros go, but at least two decimals stay: "0.0081" -> "$0.0081",
 * "0.0210" -> "$0.021", "50" -> "$50.00".
 */
export function formatUsd(amount: string): string {
  const negative = amount.startsWith('-');
  const [rawWhole = '0', rawFraction = ''] = amount.replace(/^-/, '').split('.');
  const whole = rawWhole.replace(/^0+(?=\d)/, '') || '0';
  const fraction = rawFraction.replace(/0+$/, '').padEnd(2, '0');
  return `${negative ? '-' : ''}$${groupThousands(whole)}.${fraction}`;
}

function groupThousands(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const integer = new Intl.NumberFormat('en-US');
export function formatCount(value: number): string {
  return integer.format(value);
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
  return new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
}

/** "2026-12" -> "December 2026" */
export function formatMonth(key: string): string {
  const [year, month] = key.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1)).toLocaleDateString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "YYYY-MM" of an instant, in UTC (budgets and usage months are UTC months). */
export function monthKey(date: Date): string {
  return `${String(date.getUTCFullYear())}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Every UTC month from the one `since` falls in up to this one, newest first: the months an
 * account can have usage in. An unreadable or future `since` gives just this month.
 */
export function monthsSince(since: string, now = new Date()): string[] {
  const start = new Date(since);
  const months = [monthKey(now)];
  if (Number.isNaN(start.getTime())) return months;
  const first = monthKey(start);
  for (let back = 1; back < 1200; back += 1) {
    const key = monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)));
    if (key < first) break;
    months.push(key);
  }
  return months;
}
