import type { Figure } from './Figure.js';

const headings = ['Backend', 'Scenario', 'Measured', 'Latency', 'Baseline', 'Ratio', 'gRPC-only ceiling → ratio', 'Goals'] as const;

/** Prints every figure of the run as one Markdown table (it reads as plain text too). */
export function printTable(figures: ReadonlyArray<Figure>): void {
    const rows = figures.map((figure) => [
        figure.backend,
        figure.scenario,
        figure.measured,
        figure.latency,
        figure.baseline,
        figure.ratio,
        figure.ceiling ?? '',
        figure.goals.map((goal) => `${goal.met ? '✔' : '✘'} ${goal.description}`).join('; '),
    ]);
    const widths = headings.map((heading, column) => Math.max(heading.length, ...rows.map((row) => row[column]!.length)));
    const line = (cells: ReadonlyArray<string>) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
    const output = [line(headings), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)];
    process.stdout.write(`\n${output.join('\n')}\n`);
}
