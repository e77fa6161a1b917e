import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyGuid, type Guid } from '../../guids/index.js';
import type { AggregateVersionChange } from '../AggregateKey.js';
import type { CommittedEvent } from '../CommittedEvent.js';
import { EventLogWasChangedElsewhere } from '../EventLogWasChangedElsewhere.js';
import { aCommittedEvent, dishPrepared } from './aCommittedEvent.js';
import { anExecutionContext } from './anExecutionContext.js';
import type { EventLogUnderTest } from './eventLogBackends.js';

const kitchen = 'f2d366cf-c00a-4479-acc4-851e04b6fbba' as Guid;
const otherKitchen = '0b8a4c45-7be6-4a8d-9a5e-0c41c4c3a6f2' as Guid;
const kitchenRoot = 'e6a4f5c2-8b3c-4c9b-b1f5-2f6c3c9a7d10' as Guid;
const otherRoot = '3f1c2a9e-5d4b-4e8a-9c7d-6b5a4f3e2d1c' as Guid;
const dishServed = '9b8f8a47-2d6a-4c3f-8e1b-7a6d5c4b3a29' as Guid;
const chefHired = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f' as Guid;
const eventHorizonScope = 'd1c2b3a4-9e8f-4d7c-8b6a-5f4e3d2c1b0a' as Guid;

/** Events applied by one aggregate, numbered from a sequence number, with 0-based aggregate versions from `fromVersion`. */
function aggregateEvents(firstSequenceNumber: number, eventSourceId: Guid, aggregateRootId: Guid, fromVersion: number, count: number): CommittedEvent[] {
    return Array.from({ length: count }, (_, index) =>
        aCommittedEvent(firstSequenceNumber + index, { eventSourceId, aggregate: { aggregateRootId, version: fromVersion + index } }),
    );
}

function move(eventSourceId: Guid, aggregateRootId: Guid, expectedVersion: number, newVersion: number): AggregateVersionChange {
    return { eventSourceId, aggregateRootId, expectedVersion, newVersion };
}

function sequenceNumbers(events: ReadonlyArray<CommittedEvent>): number[] {
    return events.map((event) => event.sequenceNumber);
}

/**
 * The behaviour every EventLogStorage backend must have. `open` gives a fresh, empty log for each test.
 * Call it inside a test file, e.g. once per backend from eventLogBackends.
 */
export function describeEventLogStorage(backendName: string, open: () => Promise<EventLogUnderTest>): void {
    describe(`an event log stored in ${backendName}`, () => {
        let log: EventLogUnderTest;
        beforeEach(async () => {
            log = await open();
        });
        afterEach(async () => {
            await log.close();
        });

        describe('when the log is empty', () => {
            it('gives the next event sequence number 0', async () => {
                expect(await log.storage.nextSequenceNumber(emptyGuid)).toBe(0);
            });
            it('reads no events', async () => {
                expect(await log.storage.read(emptyGuid, 0, 100)).toEqual([]);
            });
            it('has every aggregate at version 0', async () => {
                const versions = await log.storage.aggregateVersions([{ eventSourceId: kitchen, aggregateRootId: kitchenRoot }]);
                expect([...versions.values()]).toEqual([0]);
            });
            it('fetches no events and version 0 for an aggregate', async () => {
                expect(await log.storage.fetchForAggregate({ eventSourceId: kitchen, aggregateRootId: kitchenRoot })).toEqual({ version: 0, events: [] });
            });
        });

        describe('when appending events', () => {
            it('moves the next sequence number past them', async () => {
                await log.storage.append(emptyGuid, [aCommittedEvent(0), aCommittedEvent(1), aCommittedEvent(2)], []);
                expect(await log.storage.nextSequenceNumber(emptyGuid)).toBe(3);
            });
            it('continues the numbering with the next append', async () => {
                await log.storage.append(emptyGuid, [aCommittedEvent(0)], []);
                await log.storage.append(emptyGuid, [aCommittedEvent(1), aCommittedEvent(2)], []);
                expect(sequenceNumbers(await log.storage.read(emptyGuid, 0, 10))).toEqual([0, 1, 2]);
            });
            it('reads them back with every field as appended', async () => {
                const events = [
                    aCommittedEvent(0, { public: true, type: { id: dishServed, generation: 4_000_000_000 } }),
                    aCommittedEvent(1, { external: { externalSequenceNumber: 42, received: Date.UTC(2023, 0, 2, 3, 4, 5, 678), consentId: chefHired } }),
                    aCommittedEvent(2, { eventSourceId: otherKitchen, aggregate: { aggregateRootId: kitchenRoot, version: 0 } }),
                ];
                await log.storage.append(emptyGuid, events, [move(otherKitchen, kitchenRoot, 0, 1)]);
                expect(await log.storage.read(emptyGuid, 0, 10)).toEqual(events);
            });
            it('gives back the content strings exactly as committed', async () => {
                const contents = [
                    '{"emoji":"🍕👩‍🍳","combined":"e\u0301","rtl":"שלום","nordic":"Ærø","escaped":"\\u0000\\ud83d\\"\\\\"}',
                    '{ \n\t"spaced" :  1 ,\r\n  "empty":[ ] ,"object":{ }   }  ',
                    '{"big":123456789012345678901234567890,"precise":0.1000000000000000055511151231257827,"huge":1E+400,"negativeZero":-0.0}',
                    '{"b":1,"a":2,"a":3}',
                    `{"long":"${'x'.repeat(100_000)}"}`,
                ];
                await log.storage.append(emptyGuid, contents.map((content, index) => aCommittedEvent(index, { content })), []);
                expect((await log.storage.read(emptyGuid, 0, 10)).map((event) => event.content)).toEqual(contents);
            });
            it('gives back an execution context whose texts hold any character', async () => {
                const executionContext = anExecutionContext({ environment: 'nul \u0000 and lone \ud800', claims: [{ key: 'tab\t', value: '\u0000', valueType: '"\\' }] });
                await log.storage.append(emptyGuid, [aCommittedEvent(0, { executionContext })], []);
                expect((await log.storage.read(emptyGuid, 0, 10))[0]?.executionContext).toEqual(executionContext);
            });
            it('gives back the execution context with its claims', async () => {
                const executionContext = anExecutionContext({ environment: 'Production', claims: [{ key: 'scope', value: 'kitchen "main"', valueType: 'string' }] });
                await log.storage.append(emptyGuid, [aCommittedEvent(0, { executionContext }), aCommittedEvent(1)], []);
                const [first, second] = await log.storage.read(emptyGuid, 0, 10);
                expect([first?.executionContext, second?.executionContext]).toEqual([executionContext, anExecutionContext()]);
            });
        });

        describe('when reading with a limit', () => {
            beforeEach(async () => {
                await log.storage.append(emptyGuid, Array.from({ length: 10 }, (_, index) => aCommittedEvent(index)), []);
            });
            it('reads at most that many events from the sequence number on, in order', async () => {
                expect(sequenceNumbers(await log.storage.read(emptyGuid, 3, 4))).toEqual([3, 4, 5, 6]);
            });
            it('reads the rest when fewer are left', async () => {
                expect(sequenceNumbers(await log.storage.read(emptyGuid, 8, 4))).toEqual([8, 9]);
            });
            it('reads nothing from past the end', async () => {
                expect(await log.storage.read(emptyGuid, 10, 4)).toEqual([]);
            });
        });

        describe('when reading events of some types', () => {
            beforeEach(async () => {
                const types = [dishPrepared, dishServed, chefHired, dishServed, dishPrepared, chefHired, dishServed];
                await log.storage.append(emptyGuid, types.map((id, index) => aCommittedEvent(index, { type: { id, generation: 1 } })), []);
            });
            it('reads only events of those types from the sequence number on, in order, up to the limit', async () => {
                expect(sequenceNumbers(await log.storage.readOfTypes(emptyGuid, [dishServed, chefHired], 2, 3))).toEqual([2, 3, 5]);
            });
            it('reads nothing when asked for no types', async () => {
                expect(await log.storage.readOfTypes(emptyGuid, [], 0, 10)).toEqual([]);
            });
        });

        describe('when asking whether events of some types come before a sequence number', () => {
            beforeEach(async () => {
                await log.storage.append(emptyGuid, [aCommittedEvent(0), aCommittedEvent(1, { type: { id: dishServed, generation: 1 } }), aCommittedEvent(2)], []);
            });
            it('tells that one does when it is before the sequence number', async () => {
                expect(await log.storage.containsTypesBefore(emptyGuid, [chefHired, dishServed], 2)).toBe(true);
            });
            it('tells that none does when they are only at or after the sequence number', async () => {
                expect(await log.storage.containsTypesBefore(emptyGuid, [dishServed], 1)).toBe(false);
            });
            it('tells that none does when asked for no types', async () => {
                expect(await log.storage.containsTypesBefore(emptyGuid, [], 3)).toBe(false);
            });
        });

        describe('when appending to a scope', () => {
            beforeEach(async () => {
                await log.storage.append(emptyGuid, [aCommittedEvent(0), aCommittedEvent(1)], []);
                await log.storage.append(eventHorizonScope, [aCommittedEvent(0, { content: '{"scoped":true}' })], []);
            });
            it('numbers the scope\'s log apart from the default log', async () => {
                expect([await log.storage.nextSequenceNumber(eventHorizonScope), await log.storage.nextSequenceNumber(emptyGuid)]).toEqual([1, 2]);
            });
            it('reads from each log only its own events', async () => {
                const scoped = await log.storage.read(eventHorizonScope, 0, 10);
                expect(scoped.map((event) => event.content)).toEqual(['{"scoped":true}']);
            });
            it('finds the scope\'s event types only in the scope', async () => {
                expect(await log.storage.readOfTypes(eventHorizonScope, [dishPrepared], 0, 10)).toHaveLength(1);
            });
        });

        describe('when appending events applied by aggregates', () => {
            beforeEach(async () => {
                await log.storage.append(emptyGuid, aggregateEvents(0, kitchen, kitchenRoot, 0, 2), [move(kitchen, kitchenRoot, 0, 2)]);
                await log.storage.append(
                    emptyGuid,
                    [aCommittedEvent(2, { eventSourceId: kitchen }), ...aggregateEvents(3, kitchen, otherRoot, 0, 1), ...aggregateEvents(4, otherKitchen, kitchenRoot, 0, 1)],
                    [move(kitchen, otherRoot, 0, 1), move(otherKitchen, kitchenRoot, 0, 1)],
                );
                await log.storage.append(emptyGuid, aggregateEvents(5, kitchen, kitchenRoot, 2, 3), [move(kitchen, kitchenRoot, 2, 5)]);
            });
            it('moves each aggregate to its number of events', async () => {
                const versions = await log.storage.aggregateVersions([
                    { eventSourceId: kitchen, aggregateRootId: kitchenRoot },
                    { eventSourceId: kitchen, aggregateRootId: otherRoot },
                    { eventSourceId: otherKitchen, aggregateRootId: otherRoot },
                ]);
                expect(Object.fromEntries(versions)).toEqual({ [`${kitchen}/${kitchenRoot}`]: 5, [`${kitchen}/${otherRoot}`]: 1, [`${otherKitchen}/${otherRoot}`]: 0 });
            });
            it('fetches the aggregate\'s version', async () => {
                expect((await log.storage.fetchForAggregate({ eventSourceId: kitchen, aggregateRootId: kitchenRoot })).version).toBe(5);
            });
            it('fetches only that aggregate root type\'s events on that event source, with 0-based versions in order', async () => {
                const { events } = await log.storage.fetchForAggregate({ eventSourceId: kitchen, aggregateRootId: kitchenRoot });
                expect(events.map((event) => [event.sequenceNumber, event.aggregate?.version])).toEqual([[0, 0], [1, 1], [5, 2], [6, 3], [7, 4]]);
            });
        });

        describe('when an aggregate in the middle of a batch is not at its expected version', () => {
            let refusal: unknown;
            beforeEach(async () => {
                await log.storage.append(emptyGuid, [...aggregateEvents(0, kitchen, kitchenRoot, 0, 1), ...aggregateEvents(1, kitchen, otherRoot, 0, 1)], [
                    move(kitchen, kitchenRoot, 0, 1),
                    move(kitchen, otherRoot, 0, 1),
                ]);
                const batch = [...aggregateEvents(2, otherKitchen, kitchenRoot, 0, 1), ...aggregateEvents(3, kitchen, kitchenRoot, 3, 1), ...aggregateEvents(4, kitchen, otherRoot, 1, 1)];
                refusal = await log.storage
                    .append(emptyGuid, batch, [move(otherKitchen, kitchenRoot, 0, 1), move(kitchen, kitchenRoot, 3, 4), move(kitchen, otherRoot, 1, 2)])
                    .then(() => undefined, (error: unknown) => error);
            });
            it('refuses the batch because the log was changed elsewhere', () => {
                expect(refusal).toBeInstanceOf(EventLogWasChangedElsewhere);
            });
            it('writes none of the batch\'s events', async () => {
                expect(sequenceNumbers(await log.storage.read(emptyGuid, 0, 10))).toEqual([0, 1]);
            });
            it('moves none of the batch\'s aggregates', async () => {
                const versions = await log.storage.aggregateVersions([
                    { eventSourceId: otherKitchen, aggregateRootId: kitchenRoot },
                    { eventSourceId: kitchen, aggregateRootId: otherRoot },
                ]);
                expect([...versions.values()]).toEqual([0, 1]);
            });
        });

        describe('when a new aggregate of a batch already exists', () => {
            let refusal: unknown;
            beforeEach(async () => {
                await log.storage.append(emptyGuid, aggregateEvents(0, kitchen, kitchenRoot, 0, 1), [move(kitchen, kitchenRoot, 0, 1)]);
                refusal = await log.storage
                    .append(emptyGuid, [aCommittedEvent(1), ...aggregateEvents(2, kitchen, kitchenRoot, 0, 1)], [move(kitchen, kitchenRoot, 0, 1)])
                    .then(() => undefined, (error: unknown) => error);
            });
            it('refuses the batch because the log was changed elsewhere', () => {
                expect(refusal).toBeInstanceOf(EventLogWasChangedElsewhere);
            });
            it('writes none of the batch\'s events', async () => {
                expect(await log.storage.nextSequenceNumber(emptyGuid)).toBe(1);
            });
        });

        describe('when a sequence number of a batch is already taken', () => {
            let refusal: unknown;
            beforeEach(async () => {
                await log.storage.append(emptyGuid, [aCommittedEvent(0), aCommittedEvent(1)], []);
                const other = await log.openAnotherWriter();
                refusal = await other.append(emptyGuid, [aCommittedEvent(1, { content: '{"second":"writer"}' }), aCommittedEvent(2)], []).then(
                    () => undefined,
                    (error: unknown) => error,
                );
            });
            it('refuses the batch because the log was changed elsewhere', () => {
                expect(refusal).toBeInstanceOf(EventLogWasChangedElsewhere);
            });
            it('keeps the events that were there and writes none of the batch', async () => {
                expect(await log.storage.read(emptyGuid, 0, 10)).toEqual([aCommittedEvent(0), aCommittedEvent(1)]);
            });
        });
    });
}
