import type { Figure } from './Figure.js';

/** Prints one figure as soon as it is measured: the scenario, the figure, its baseline, the ratio and the goals. */
export function printFigure(figure: Figure): void {
    const goals = figure.goals.map((goal) => `${goal.met ? 'MET' : 'MISSED'}: ${goal.description}`).join('; ');
    const lines = [
        `[${figure.backend}] ${figure.scenario}: ${figure.measured}${figure.latency === '' ? '' : `, ${figure.latency}`}`,
        `    baseline ${figure.baseline}, ratio ${figure.ratio}`,
        ...(figure.ceiling === undefined || figure.ceiling === '' ? [] : [`    gRPC-only ceiling ${figure.ceiling}`]),
        ...(goals === '' ? [] : [`    goals ${goals}`]),
        ...(figure.cpu === '' ? [] : [`    cpu ${figure.cpu}`]),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
}
