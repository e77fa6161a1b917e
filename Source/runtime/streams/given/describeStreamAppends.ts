import { describe, expect, it } from 'vitest';
import { EventIsAlreadyInStream } from '../EventIsAlreadyInStream.js';
import { EventIsNotInEventLog } from '../EventIsNotInEventLog.js';
import type { StreamProcessorState } from '../StreamProcessorState.js';
import { commitEvents, filtered } from './committedEvents.js';
import type { StreamStorageUnderTest } from './StreamStorageUnderTest.js';
import { newProcessorKey, newStreamKey } from './streamKeys.js';

const filterState = (position: number): StreamProcessorState => ({ partitioned: false, position, lastSuccessfullyProcessed: 1_700_000_000_000 + position, failure: undefined });

/** The behaviour of appending to streams together with the filter's state. */
export function describeStreamAppends(storage: () => StreamStorageUnderTest): void {
    describe('when appending to a stream and saving the filter state', () => {
        it('has length 0 before anything is appended', async () => {
            expect(await storage().streams.length(newStreamKey())).toBe(0);
        });

        it('numbers the events of an empty stream from 0', async () => {
            const { streams, eventLog } = storage();
            const [key, processor] = [newStreamKey(), newProcessorKey()];
            const events = filtered(await commitEvents(eventLog, key.scope, 3));
            const appended = await streams.appendAndSaveState(key, events, processor, filterState(3));
            expect(appended).toEqual(events.map((event, position) => ({ ...event, position })));
        });

        it('numbers later events from the current length of the stream', async () => {
            const { streams, eventLog } = storage();
            const [key, processor] = [newStreamKey(), newProcessorKey()];
            const committed = filtered(await commitEvents(eventLog, key.scope, 5));
            await streams.appendAndSaveState(key, committed.slice(0, 2), processor, filterState(2));
            const appended = await streams.appendAndSaveState(key, committed.slice(2), processor, filterState(5));
            expect({ positions: appended.map((event) => event.position), length: await streams.length(key) }).toEqual({ positions: [2, 3, 4], length: 5 });
        });

        it('saves the filter state with the events', async () => {
            const { streams, eventLog } = storage();
            const [key, processor] = [newStreamKey(), newProcessorKey()];
            await streams.appendAndSaveState(key, filtered(await commitEvents(eventLog, key.scope, 2)), processor, filterState(7));
            expect(await streams.state(processor)).toEqual(filterState(7));
        });

        it('saves a state with failing partitions with the events', async () => {
            const { streams, eventLog } = storage();
            const [key, processor] = [newStreamKey(), newProcessorKey()];
            const events = filtered(await commitEvents(eventLog, key.scope, 2));
            const failing = { position: 1, reason: 'failed', attempts: 2, retryTime: Number.MAX_SAFE_INTEGER, lastFailed: 1_700_000_000_001 };
            const state: StreamProcessorState = { partitioned: true, position: 2, lastSuccessfullyProcessed: 5, failingPartitions: new Map([[events[1]!.partition, failing]]) };
            await streams.appendAndSaveState(key, events, processor, state);
            expect({ state: await streams.state(processor), length: await streams.length(key) }).toEqual({ state, length: 2 });
        });

        it('saves the filter state when no event was chosen', async () => {
            const { streams } = storage();
            const [key, processor] = [newStreamKey(), newProcessorKey()];
            const appended = await streams.appendAndSaveState(key, [], processor, filterState(4));
            expect({ appended, state: await streams.state(processor), length: await streams.length(key) }).toEqual({ appended: [], state: filterState(4), length: 0 });
        });

        describe('and an event log event is already in the stream', () => {
            it('rejects the append and writes neither events nor state', async () => {
                const { streams, eventLog } = storage();
                const [key, processor] = [newStreamKey(), newProcessorKey()];
                const committed = filtered(await commitEvents(eventLog, key.scope, 3));
                await streams.appendAndSaveState(key, committed.slice(0, 2), processor, filterState(2));
                const append = streams.appendAndSaveState(key, committed.slice(1), processor, filterState(3));
                await expect(append).rejects.toThrow(EventIsAlreadyInStream);
                await expect(append).rejects.toMatchObject({ eventLogSequenceNumber: committed[1]?.event.sequenceNumber });
                expect({ length: await streams.length(key), state: await streams.state(processor) }).toEqual({ length: 2, state: filterState(2) });
            });
        });

        describe('and the same event log event is twice in one append', () => {
            it('rejects the append and writes neither events nor state', async () => {
                const { streams, eventLog } = storage();
                const [key, processor] = [newStreamKey(), newProcessorKey()];
                const [event] = filtered(await commitEvents(eventLog, key.scope, 1));
                await expect(streams.appendAndSaveState(key, [event!, event!], processor, filterState(1))).rejects.toThrow(EventIsAlreadyInStream);
                expect({ length: await streams.length(key), state: await streams.state(processor) }).toEqual({ length: 0, state: undefined });
            });
        });

        describe('and an event is not in the event log of the stream\'s scope', () => {
            it('rejects the append and writes neither events nor state', async () => {
                const { streams, eventLog } = storage();
                const [key, processor] = [newStreamKey(), newProcessorKey()];
                const [event] = await commitEvents(eventLog, key.scope, 1);
                const missing = { partition: event!.eventSourceId, event: { ...event!, sequenceNumber: event!.sequenceNumber + 1_000_000 } };
                await expect(streams.appendAndSaveState(key, [missing], processor, filterState(1))).rejects.toThrow(EventIsNotInEventLog);
                expect({ length: await streams.length(key), state: await streams.state(processor) }).toEqual({ length: 0, state: undefined });
            });
        });
    });
}
