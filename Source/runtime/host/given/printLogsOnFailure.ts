import { afterAll, beforeEach } from 'vitest';
import type { RunnerTask } from 'vitest';
import type { RuntimeUnderTest } from './RuntimeUnderTest.js';

const shownLines = 400;

/**
 * Prints the Runtime's last output lines after every failing test of the enclosing suite, and after the suite when one of
 * its set-up hooks failed, so a failure shows what the Runtime said.
 */
export function printLogsOnFailure(runtime: () => RuntimeUnderTest | undefined): void {
    const print = (what: string) => {
        const current = runtime();
        if (current !== undefined) {
            const lines = current.logs().split('\n').slice(-shownLines);
            console.error(`The last ${lines.length} lines the Runtime wrote, up to the failure of ${what}:\n${lines.join('\n')}`);
        }
    };
    beforeEach(({ onTestFailed, task }) => {
        onTestFailed(() => print(`'${task.name}'`));
    });
    afterAll((suite) => {
        const failedSuites = suitesIn(suite).filter((task) => task.result?.state === 'fail');
        if (failedSuites.length > 0) {
            print(`the set-up of ${failedSuites.map((task) => `'${task.name}'`).join(', ')}`);
        }
    });
}

function suitesIn(task: RunnerTask): ReadonlyArray<RunnerTask> {
    return task.type === 'suite' ? [task, ...task.tasks.flatMap(suitesIn)] : [];
}
