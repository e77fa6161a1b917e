import type { ConfigurationProblem } from './ConfigurationProblem.js';
import { describeProblem } from './describeProblem.js';

/** Thrown when the configuration has problems; the Runtime prints them all and exits before opening any store. */
export class ConfigurationIsInvalid extends Error {
    /** Creates the error listing every problem found in the configuration folder. */
    constructor(readonly configurationFolder: string, readonly problems: ReadonlyArray<ConfigurationProblem>) {
        const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
        const lines = problems.map((problem) => `  - ${describeProblem(problem)}`);
        super([`The configuration in ${configurationFolder} is invalid (${count}):`, ...lines].join('\n'));
        this.name = 'ConfigurationIsInvalid';
    }
}
