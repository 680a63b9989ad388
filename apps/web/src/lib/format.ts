/**
 * Money arrives as exact decimal strings and is never turned into a float here. A reply's cost
 * is shown exactly (a fraction of a cent must never read as $0.00); other amounts are rounded to
 * the cent from a dollar up, and to two significant digits below it ($0.0081).
 */
export function formatUsd(amount: string, options: { exact?: boolean } = {}): string {
  const negative = amount.startsWith('-');
  const [rawWhole = '0', fraction = ''] = amount.replace(/^-/, '').split('.');
  const whole = rawWhole.replace(/^0+(?=\d)/, '');
  let shown: { whole: string; fraction: string };
  if (options.exact) {
    shown = { whole, fraction: fraction.padEnd(2, '0') };
  } else if (whole !== '0') {
    shown = roundTo(whole, fraction, 2);
  } else {
    const firstDigit = fraction.search(/[1-9]/);
    const places = firstDigit === -1 ? 2 : Math.max(2, firstDigit + 2);
    shown = roundTo(whole, fraction, places);
    shown.fraction = shown.fraction.replace(/0+$/, '').padEnd(2, '0');
  }
  return `${negative ? '-' : ''}$${groupThousands(shown.whole)}.${shown.fraction}`;
}

/** Rounds half up to `places` decimals, in integer arithmetic. */
function roundTo(whole: string, fraction: string, places: number) {
  const kept = BigInt(whole + fraction.padEnd(places, '0').slice(0, places));
  const roundUp = (fraction[places] ?? '0') >= '5';
  const total = (kept + (roundUp ? 1n : 0n)).toString().padStart(places + 1, '0');
  return { whole: total.slice(0, -places), fraction: total.slice(-places) };
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

/** This UTC month and the `count - 1` before it, newest first, as "YYYY-MM". */
export function recentMonths(count: number, now = new Date()): string[] {
  const months: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    months.push(
      `${String(date.getUTCFullYear())}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`,
    );
  }
  return months;
}
