import { postgresForTests } from '../../storage/postgres/given/postgresForTests.js';
import type { TestBackend } from './TestBackend.js';

/**
 * The backends an end-to-end test file runs against: always the embedded store, and PostgreSQL with a database made for
 * the file by the shared `postgresForTests` (which also decides what happens when PostgreSQL is unreachable: the run
 * fails on CI, elsewhere PostgreSQL is left out with a loud message naming the file).
 */
export async function backendsForTests(testFileUrl: string): Promise<ReadonlyArray<TestBackend>> {
    const postgres = await postgresForTests(testFileUrl);
    return postgres.available
        ? [{ kind: 'embedded' }, { kind: 'postgres', connectionString: postgres.connectionString }]
        : [{ kind: 'embedded' }];
}
