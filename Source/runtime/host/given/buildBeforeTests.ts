import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkBuildIsCurrent, findStaleBuild, runtimeBuildOutputs } from './runtimeBuild.js';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Vitest's global setup (vitest.config.ts): builds the Runtime once before any test runs when its build is missing
 * or older than its sources, so that the end-to-end tests, which start `dist/main.js`, test the code as it is.
 * `startRuntime` checks again before each start, in case a source changes while the tests run.
 */
export function setup(): void {
    const staleness = findStaleBuild(runtimeBuildOutputs);
    if (staleness === undefined) {
        return;
    }
    console.info(`Building the Runtime before the tests, because ${staleness}`);
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: repositoryRoot, stdio: 'inherit' });
    checkBuildIsCurrent();
}
