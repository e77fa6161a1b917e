import { afterAll, beforeAll, describe } from 'vitest';
import { describeStreamAppends } from './describeStreamAppends.js';
import { describeStreamDefinitions } from './describeStreamDefinitions.js';
import { describeStreamIsolation } from './describeStreamIsolation.js';
import { describeStreamProcessorStates } from './describeStreamProcessorStates.js';
import { describeStreamReads } from './describeStreamReads.js';
import type { StreamStorageUnderTest } from './StreamStorageUnderTest.js';

/**
 * The behaviour every StreamStorage backend shares. One storage is created for the backend; each test works on
 * fresh random stream, processor and scope ids, so tests never see each other's rows.
 */
export function describeStreamStorage(backendName: string, createStorage: () => Promise<StreamStorageUnderTest>): void {
    describe(`when streams are stored in ${backendName}`, () => {
        let storage: StreamStorageUnderTest | undefined;
        beforeAll(async () => {
            storage = await createStorage();
        });
        afterAll(async () => {
            await storage?.close();
        });
        const current = (): StreamStorageUnderTest => {
            if (storage === undefined) {
                throw new Error(`The ${backendName} stream storage was not created`);
            }
            return storage;
        };
        describeStreamDefinitions(current);
        describeStreamAppends(current);
        describeStreamReads(current);
        describeStreamProcessorStates(current);
        describeStreamIsolation(current);
    });
}
