import { describe } from 'vitest';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { describeEventLogStorage } from './given/describeEventLogStorage.js';
import { eventLogBackends } from './given/eventLogBackends.js';

const postgres = await postgresForTests(import.meta.url);

for (const backend of eventLogBackends(postgres)) {
    describe.skipIf(!backend.available)(`with ${backend.name}`, () => {
        describeEventLogStorage(backend.name, () => backend.open());
    });
}
