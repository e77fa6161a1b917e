import { describe, expect, it } from 'vitest';
import { emptyGuid, newGuid } from '../../guids/index.js';
import type { StreamProcessorState } from '../StreamProcessorState.js';
import { commitEvents, filtered } from './committedEvents.js';
import type { StreamStorageUnderTest } from './StreamStorageUnderTest.js';
import { newProcessorKey, newStreamKey } from './streamKeys.js';

const atPosition = (position: number): StreamProcessorState => ({ partitioned: false, position, lastSuccessfullyProcessed: 0, failure: undefined });

/** The behaviour that keeps scopes, public and private streams, and processors apart. */
export function describeStreamIsolation(storage: () => StreamStorageUnderTest): void {
    describe('when streams share an id', () => {
        it('keeps the streams of different scopes apart and reads each from its own scope\'s event log', async () => {
            const { streams, eventLog } = storage();
            const defaultScope = newStreamKey();
            const inScope = { ...defaultScope, scope: newGuid() };
            const defaultEvents = filtered(await commitEvents(eventLog, emptyGuid, 2));
            const scopedEvents = filtered(await commitEvents(eventLog, inScope.scope, 3));
            await streams.appendAndSaveState(defaultScope, defaultEvents, newProcessorKey(), atPosition(2));
            await streams.appendAndSaveState(inScope, scopedEvents, newProcessorKey({ scope: inScope.scope }), atPosition(3));
            const read = { default: await streams.read(defaultScope, 0, 10), scoped: await streams.read(inScope, 0, 10) };
            expect({ default: read.default.map((event) => event.event), scoped: read.scoped.map((event) => event.event) })
                .toEqual({ default: defaultEvents.map((event) => event.event), scoped: scopedEvents.map((event) => event.event) });
        });

        it('keeps a public and a private stream apart', async () => {
            const { streams, eventLog } = storage();
            const privateKey = newStreamKey();
            const publicKey = { ...privateKey, public: true };
            await streams.appendAndSaveState(publicKey, filtered(await commitEvents(eventLog, emptyGuid, 4)), newProcessorKey(), atPosition(4));
            await streams.appendAndSaveState(privateKey, filtered(await commitEvents(eventLog, emptyGuid, 1)), newProcessorKey(), atPosition(1));
            expect({ public: await streams.length(publicKey), private: await streams.length(privateKey) }).toEqual({ public: 4, private: 1 });
        });

        it('keeps the definitions of a public and a private stream apart', async () => {
            const { streams } = storage();
            const privateKey = newStreamKey();
            await streams.saveDefinition({ ...privateKey, partitioned: true, filter: { kind: 'remote' } });
            expect(await streams.definition({ ...privateKey, public: true })).toBeUndefined();
        });

        it('keeps the definitions of different scopes apart', async () => {
            const { streams } = storage();
            const key = newStreamKey();
            await streams.saveDefinition({ ...key, partitioned: true, filter: { kind: 'remote' } });
            expect(await streams.definition({ ...key, scope: newGuid() })).toBeUndefined();
        });
    });

    describe('when processors share ids', () => {
        it('keeps the states of different scopes, processors and source streams apart', async () => {
            const { streams } = storage();
            const key = newProcessorKey({ sourceStreamId: newGuid() });
            const others = [{ ...key, scope: newGuid() }, { ...key, processorId: newGuid() }, { ...key, sourceStreamId: emptyGuid }];
            await streams.saveState(key, atPosition(1));
            for (const [index, other] of others.entries()) {
                await streams.saveState(other, atPosition(index + 2));
            }
            const states = await Promise.all([key, ...others].map((processor) => streams.state(processor)));
            expect(states).toEqual([atPosition(1), atPosition(2), atPosition(3), atPosition(4)]);
        });
    });
}
