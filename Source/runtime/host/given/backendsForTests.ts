import { postgresForTests } from '../../storage/postgres/given/postgresForTests.js';
import type { TestBackend } from './TestBackend.js';

/** A backend an end-to-end test file runs against, and whether its server is there in this run. */
export type BackendForTests = TestBackend & {
    /** False when PostgreSQL cannot be reached (outside CI only): the backend's cases are listed and skip. */
    readonly available: boolean;
};

/**
 * The backends an end-to-end test file runs against: always the embedded store, and PostgreSQL with a database made
 * for the file by the shared `postgresForTests`, which decides what happens when PostgreSQL is unreachable (the run
 * fails on CI; elsewhere the backend stays in the list, not available, so that `describeForEachBackend` lists its
 * cases as skipped).
 */
export async function backendsForTests(testFileUrl: string): Promise<ReadonlyArray<BackendForTests>> {
    const postgres = await postgresForTests(testFileUrl);
    return [
        { kind: 'embedded', available: true },
        { kind: 'postgres', connectionString: postgres.connectionString, available: postgres.available },
    ];
}
