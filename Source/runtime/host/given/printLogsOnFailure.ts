import { beforeEach } from 'vitest';
import type { RuntimeUnderTest } from './RuntimeUnderTest.js';

const shownLines = 400;

/** Prints the Runtime's output after every failing test of the enclosing suite, so a failure shows what the Runtime said. */
export function printLogsOnFailure(runtime: () => RuntimeUnderTest | undefined): void {
    beforeEach(({ onTestFailed, task }) => {
        onTestFailed(() => {
            const current = runtime();
            if (current !== undefined) {
                const lines = current.logs().split('\n').slice(-shownLines);
                console.error(`The last ${lines.length} lines the Runtime wrote, up to the failure of '${task.name}':\n${lines.join('\n')}`);
            }
        });
    });
}
