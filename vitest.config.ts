import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['Source/**/*.test.ts', 'Samples/**/*.test.ts', 'Torture/**/*.test.ts', 'Benchmarks/**/*.test.ts'],
        exclude: ['**/node_modules/**', '**/dist/**', 'Source/runtime/planted/**'],
        expect: { requireAssertions: true },
        allowOnly: !process.env['CI'],
        testTimeout: 60_000,
        hookTimeout: 60_000,
        pool: 'forks',
        // Tests that start the built Runtime must never run a stale build: build first when the sources are newer.
        globalSetup: ['Source/runtime/host/given/buildBeforeTests.ts'],
    },
});
