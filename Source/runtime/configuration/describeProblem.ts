import type { ConfigurationProblem } from './ConfigurationProblem.js';

/** Describes a problem on one line: file, place, the value found and what was expected. */
export function describeProblem(problem: ConfigurationProblem): string {
    const position = problem.position === undefined ? '' : ` line ${problem.position.line}, column ${problem.position.column}`;
    const place = problem.pointer === '' ? '' : ` at ${problem.pointer}`;
    return `${problem.file}${position}${place}: found ${problem.found}; expected ${problem.expected}`;
}
