import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBuildIsCurrent, compiledProject, findStaleBuild, RuntimeBuildIsStale, runtimeBuildOutputs } from './runtimeBuild.js';

const folder = mkdtempSync(join(tmpdir(), 'dolittle-runtime-build-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A project folder with one source file and a build of it, each with the given modification time (seconds). */
function aProject(name: string, times: { readonly source: number; readonly built: number }, listed = ['../main.ts'], information: Record<string, unknown> = {}) {
    const project = join(folder, name);
    mkdirSync(join(project, 'dist'), { recursive: true });
    const source = join(project, 'main.ts');
    const buildInformation = join(project, 'dist', 'tsconfig.tsbuildinfo');
    writeFileSync(source, 'export const answer = 42;\n');
    writeFileSync(buildInformation, JSON.stringify({ fileNames: ['../../node_modules/typescript/lib/lib.es5.d.ts', ...listed], ...information }));
    utimesSync(source, times.source, times.source);
    utimesSync(buildInformation, times.built, times.built);
    return { project, source };
}

describe('when checking whether a build is current', () => {
    describe('and a source changed after the build', () => {
        const { project, source } = aProject('changed', { source: 2_000_000, built: 1_000_000 });

        it('finds the build stale, naming the source', () => {
            expect(findStaleBuild([compiledProject(project)])).toContain(source);
        });

        it('refuses to run it', () => {
            expect(() => checkBuildIsCurrent([compiledProject(project)])).toThrow(RuntimeBuildIsStale);
        });
    });

    describe('and every source is older than the build', () => {
        const { project } = aProject('current', { source: 1_000_000, built: 2_000_000 });

        it('finds the build current', () => {
            expect(findStaleBuild([compiledProject(project)])).toBeUndefined();
        });
    });

    describe('and a source it was built from is gone', () => {
        const { project } = aProject('deleted', { source: 1_000_000, built: 2_000_000 }, ['../main.ts', '../removed.ts']);

        it('finds the build stale, naming the missing source', () => {
            expect(findStaleBuild([compiledProject(project)])).toContain('removed.ts');
        });
    });

    describe('and the compiler checked the sources after the build without emitting them (tsc --noEmit)', () => {
        const { project } = aProject('not emitted', { source: 1_000_000, built: 2_000_000 }, ['../main.ts'], { affectedFilesPendingEmit: [[2, 19]] });

        it('finds the build stale, naming the first file not emitted', () => {
            expect(findStaleBuild([compiledProject(project)])).toMatch(/1 files \(\.\.\/main\.ts first\) were compiled but not emitted/);
        });
    });

    describe('and nothing was built', () => {
        it('finds the build stale', () => {
            expect(findStaleBuild([compiledProject(join(folder, 'never-built'))])).toContain('does not exist');
        });
    });

    describe('and it is the repository\'s own build, after the tests\' global setup built it', () => {
        it('finds it current', () => {
            expect(findStaleBuild(runtimeBuildOutputs)).toBeUndefined();
        });
    });
});
