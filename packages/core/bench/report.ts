import type { DatabaseKind } from '@analyst/db';

import type { Sample } from './sample.ts';

export interface SizeResult {
  engine: DatabaseKind;
  rows: number;
  seedSeconds: number;
  real: Sample;
  baseline: Sample;
}

export interface EngineNote {
  engine: DatabaseKind;
  text: string;
}

const RATIO_GOAL = 1.5;
const SPEEDUP_GOAL = 20;

/** The results as Markdown: one row per ledger size and engine, then the goals per engine. */
export function renderReport(results: SizeResult[], notes: EngineNote[]): string {
  const sorted = [...results].sort((a, b) => a.rows - b.rows || a.engine.localeCompare(b.engine));
  const lines = [
    '| Ledger rows | Engine | Admit + settle median (ms) | p95 (ms) | Baseline SUM median (ms) ' +
      '| p95 (ms) | Baseline / real | n (real / baseline) |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
    ...sorted.map(
      (r) =>
        `| ${rowLabel(r.rows)} | ${r.engine} | ${ms(r.real.medianMs)} | ${ms(r.real.p95Ms)} ` +
        `| ${ms(r.baseline.medianMs)} | ${ms(r.baseline.p95Ms)} ` +
        `| ${times(r.baseline.medianMs / r.real.medianMs)} | ${String(r.real.n)} / ` +
        `${String(r.baseline.n)} |`,
    ),
    '',
    '| Engine | Real path, largest / smallest ledger (goal ≤ 1.5x) ' +
      '| Baseline / real at largest (goal ≥ 20x) | Seeding time (s) |',
    '|---|---:|---:|---:|',
  ];

  for (const engine of new Set(sorted.map((r) => r.engine))) {
    const rows = sorted.filter((r) => r.engine === engine);
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (first === undefined || last === undefined) continue;
    const ratio = last.real.medianMs / first.real.medianMs;
    const speedup = last.baseline.medianMs / last.real.medianMs;
    const seeding = rows.map((r) => `${rowLabel(r.rows)}: ${r.seedSeconds.toFixed(1)}`).join(', ');
    lines.push(
      `| ${engine} | ${times(ratio)} (${rowLabel(last.rows)} / ${rowLabel(first.rows)}) ` +
        `${verdict(ratio <= RATIO_GOAL)} | ${times(speedup)} at ${rowLabel(last.rows)} ` +
        `${verdict(speedup >= SPEEDUP_GOAL)} | ${seeding} |`,
    );
  }

  if (notes.length > 0) lines.push('', ...notes.map((note) => `- ${note.engine}: ${note.text}`));
  return lines.join('\n');
}

export function rowLabel(rows: number): string {
  if (rows >= 1_000_000 && rows % 1_000_000 === 0) return `${String(rows / 1_000_000)}M`;
  if (rows >= 1_000 && rows % 1_000 === 0) return `${String(rows / 1_000)}k`;
  return String(rows);
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function times(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(0)}x`;
}

function verdict(met: boolean): string {
  return met ? '(met)' : '(missed)';
}
