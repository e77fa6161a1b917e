import { describe, expect, it } from 'vitest';
import { newGuid } from '../../guids/index.js';
import type { StreamDefinition } from '../StreamDefinition.js';
import type { StreamStorageUnderTest } from './StreamStorageUnderTest.js';
import { newStreamKey } from './streamKeys.js';

/** The behaviour of stream definitions. */
export function describeStreamDefinitions(storage: () => StreamStorageUnderTest): void {
    describe('when keeping stream definitions', () => {
        it('has no definition for a stream that was never defined', async () => {
            expect(await storage().streams.definition(newStreamKey())).toBeUndefined();
        });

        it('reads back a partitioned definition that filters by event types', async () => {
            const definition: StreamDefinition = { ...newStreamKey(), partitioned: true, filter: { kind: 'eventTypes', types: [newGuid(), newGuid()] } };
            await storage().streams.saveDefinition(definition);
            expect(await storage().streams.definition(definition)).toEqual(definition);
        });

        it('reads back an unpartitioned public definition whose filter is in the head', async () => {
            const definition: StreamDefinition = { ...newStreamKey({ public: true }), partitioned: false, filter: { kind: 'remote' } };
            await storage().streams.saveDefinition(definition);
            expect(await storage().streams.definition(definition)).toEqual(definition);
        });

        it('replaces a definition that is saved again', async () => {
            const key = newStreamKey();
            await storage().streams.saveDefinition({ ...key, partitioned: true, filter: { kind: 'eventTypes', types: [newGuid()] } });
            const replacement: StreamDefinition = { ...key, partitioned: false, filter: { kind: 'remote' } };
            await storage().streams.saveDefinition(replacement);
            expect(await storage().streams.definition(key)).toEqual(replacement);
        });
    });
}
