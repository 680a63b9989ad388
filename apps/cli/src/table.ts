export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align: Align;
}

/**
 * Lines of a plain-text table: each column as wide as its widest cell, two spaces apart, no
 * trailing spaces. Numbers read best right-aligned.
 */
export function renderTable(columns: readonly Column[], rows: readonly string[][]): string[] {
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const width = widths[index] ?? 0;
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();

  return [line(columns.map((column) => column.header)), ...rows.map(line)];
}
