import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { formatCount, formatUsd } from '../lib/format';
import type { MonthlyUsage } from '../lib/trpc';

interface Point {
  day: number;
  date: string;
  /** For bar heights only; labels use the exact string. */
  value: number;
  cost: string;
  requests: number;
}

/** Every day of the month, so quiet days show as gaps and the axis reads as a calendar. */
function toPoints(month: string, days: MonthlyUsage['byDay']): Point[] {
  const [year = 1970, monthNumber = 1] = month.split('-').map(Number);
  const length = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const byDate = new Map(days.map((day) => [day.date, day]));
  const points: Point[] = [];
  for (let day = 1; day <= length; day += 1) {
    const date = `${month}-${String(day).padStart(2, '0')}`;
    const found = byDate.get(date);
    points.push({
      day,
      date,
      value: found ? Number(found.cost) : 0,
      cost: found?.cost ?? '0',
      requests: found?.requests ?? 0,
    });
  }
  return points;
}

function ChartTooltip(props: { active?: boolean; payload?: readonly { payload?: Point }[] }) {
  const point = props.payload?.[0]?.payload;
  if (!props.active || !point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.date}</strong>
      <span>{formatUsd(point.cost)}</span>
      <span>
        {formatCount(point.requests)} {point.requests === 1 ? 'request' : 'requests'}
      </span>
    </div>
  );
}

export default function SpendChart({
  month,
  days,
}: {
  month: string;
  days: MonthlyUsage['byDay'];
}) {
  const points = toPoints(month, days);
  const total = days.length;
  return (
    <figure className="chart-box">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="day" tickLine={false} axisLine={false} interval="preserveStartEnd" />
          <YAxis
            tickLine={false}
            axisLine={false}
            width={64}
            // Axis ticks are round numbers the chart picks, not costs; ten places is plenty.
            tickFormatter={(value: number) => formatUsd(value.toFixed(10))}
          />
          <Tooltip content={<ChartTooltip />} cursor={{ className: 'chart-cursor' }} />
          <Bar
            dataKey="value"
            className="chart-bar"
            radius={[3, 3, 0, 0]}
            maxBarSize={22}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">
        Spend per day in {month}: {total} {total === 1 ? 'day' : 'days'} with spend. The ledger
        below lists every call.
      </figcaption>
    </figure>
  );
}
