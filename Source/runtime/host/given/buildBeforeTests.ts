import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findStaleBuild, runtimeBuildOutputs } from './runtimeBuild.js';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Vitest's global setup (vitest.config.ts): builds the Runtime once before any test runs when its build is missing
 * or older than its sources, so that the end-to-end tests, which start `dist/main.js`, test the code as it is.
 * `startRuntime` checks again before each start, in case a source changes while the tests run. When the build fails,
 * the failure is printed and the tests still run (`tsc` writes JavaScript even for code with type errors); when a part
 * of the build could not be written, every test that starts the Runtime fails with RuntimeBuildIsStale.
 */
export function setup(): void {
    const staleness = findStaleBuild(runtimeBuildOutputs);
    if (staleness === undefined) {
        return;
    }
    console.info(`Building the Runtime before the tests, because ${staleness}`);
    try {
        execFileSync('npm', ['run', 'build', '--silent'], { cwd: repositoryRoot, stdio: 'inherit' });
    } catch (error) {
        console.error(`Building the Runtime failed (${error instanceof Error ? error.message : String(error)}); the tests run with what it wrote`);
    }
    const stillStale = findStaleBuild(runtimeBuildOutputs);
    if (stillStale !== undefined) {
        console.error(`The Runtime's build is still stale after building (${stillStale}): every test that starts the built Runtime will fail`);
    }
}
