// The one table the benchmark prints: measure, figure, goal, ratio or verdict. Verdicts judge
// p95 for latencies (a licensee feels the slow tail, not the median) and p50 for ratios (a
// ratio of medians is stable under the machine's load; a ratio of tails is mostly noise).

export type TableRow = { measure: string; figure: string; goal: string; verdict: string };

export const ms = (value: number): string =>
  value >= 100
    ? `${value.toFixed(0)} ms`
    : value >= 1
      ? `${value.toFixed(2)} ms`
      : `${(value * 1000).toFixed(0)} µs`;

export function verdict(pass: boolean, detail = ''): string {
  return `${pass ? 'PASS' : 'MISS'}${detail === '' ? '' : ` ${detail}`}`;
}

export function formatTable(rows: readonly TableRow[]): string {
  const header: TableRow = {
    measure: 'measure',
    figure: 'figure',
    goal: 'goal',
    verdict: 'ratio / verdict',
  };
  const all = [header, ...rows];
  const width = (key: keyof TableRow): number => Math.max(...all.map((row) => row[key].length));
  const widths = {
    measure: width('measure'),
    figure: width('figure'),
    goal: width('goal'),
    verdict: width('verdict'),
  };
  const line = (row: TableRow): string =>
    `| ${row.measure.padEnd(widths.measure)} | ${row.figure.padEnd(widths.figure)} | ${row.goal.padEnd(widths.goal)} | ${row.verdict.padEnd(widths.verdict)} |`;
  const rule = `|${'-'.repeat(widths.measure + 2)}|${'-'.repeat(widths.figure + 2)}|${'-'.repeat(widths.goal + 2)}|${'-'.repeat(widths.verdict + 2)}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
