import { beforeAll, describe, expect, it } from 'vitest';
import { newGuid, type Guid } from '../guids/index.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import type { PartitionedStreamProcessorState, StreamEvent, StreamProcessorKey } from '../streams/index.js';
import { anEventHandler } from './given/anEventHandler.js';
import { processingBackends, type ProcessingBackend } from './given/processingBackends.js';
import { processingOutcomes as outcomes } from './given/processingOutcomes.js';
import { ScriptedEventProcessor, type ProcessingScript } from './given/ScriptedEventProcessor.js';
import { TenantUnderTest } from './given/TenantUnderTest.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const dishPrepared = newGuid();
const kitchenCount = 5;
const dishesPerKitchen = 4;
const kitchens = Array.from({ length: kitchenCount }, () => newGuid());
// Stream positions in rounds: kitchen 0, 1, 2, 3, 4, then kitchen 0, 1, ... again.
const dishes = Array.from({ length: kitchenCount * dishesPerKitchen }, (_, index) => ({ type: dishPrepared, eventSourceId: kitchens[index % kitchenCount]! }));

/** What a head saw while it answered: how many calls were waiting for their answer at once, overall and per kitchen. */
class CallsInFlight {
    #now = 0;
    #most = 0;
    readonly #perKitchen = new Map<Guid, number>();
    #mostPerKitchen = 0;

    /** The most calls that were waiting at once. */
    get most(): number {
        return this.#most;
    }

    /** The most calls of one kitchen that were waiting at once. */
    get mostPerKitchen(): number {
        return this.#mostPerKitchen;
    }

    /** Counts a call for as long as `answer` takes. */
    async during<Result>(event: StreamEvent, answer: () => Promise<Result>): Promise<Result> {
        const kitchen = event.event.eventSourceId;
        this.#now++;
        this.#perKitchen.set(kitchen, (this.#perKitchen.get(kitchen) ?? 0) + 1);
        this.#most = Math.max(this.#most, this.#now);
        this.#mostPerKitchen = Math.max(this.#mostPerKitchen, this.#perKitchen.get(kitchen) ?? 0);
        try {
            return await answer();
        } finally {
            this.#now--;
            this.#perKitchen.set(kitchen, (this.#perKitchen.get(kitchen) ?? 1) - 1);
        }
    }
}

/** Resolves once `count` calls wait at the gate, or at once for the calls after them. */
function aGate(count: number) {
    let waiting = 0;
    let open: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => {
        open = resolve;
    });
    return async () => {
        waiting++;
        if (waiting >= count) {
            open();
        }
        await opened;
    };
}

/** A partitioned event handler over the kitchens' dishes, started with a head that answers through `script`. */
function givenAPartitionedHandlerOverTheDishes(backend: ProcessingBackend, script: ProcessingScript) {
    const tenant = TenantUnderTest.forSuite(backend);
    const head = new ScriptedEventProcessor(script);
    let processor: StreamProcessorKey | undefined;
    const state = async () => (processor === undefined ? undefined : ((await tenant().tenant.storage.streams.state(processor)) as PartitionedStreamProcessorState | undefined));
    beforeAll(async () => {
        const handler = anEventHandler(tenant(), [dishPrepared], true);
        processor = handler.processor;
        await tenant().commit(...dishes);
        handler.start(head);
    });
    return { head, state };
}

const positionsOf = (head: ScriptedEventProcessor, kitchen: Guid) => head.callsFrom(kitchen).map((call) => call.position);
const expectedPositionsOf = (kitchen: number) => Array.from({ length: dishesPerKitchen }, (_, round) => round * kitchenCount + kitchen);

describeForEachBackend(backends, 'when a partitioned event handler stored in $name catches up with several partitions', (backend) => {
    describe('and the head answers only once a call of every kitchen waits', () => {
        const inFlight = new CallsInFlight();
        const everyKitchenWaits = aGate(kitchenCount);
        const given = givenAPartitionedHandlerOverTheDishes(backend, (event) =>
            inFlight.during(event, async () => {
                await everyKitchenWaits();
                return outcomes.succeeded;
            }),
        );
        beforeAll(async () => {
            await waitUntil(async () => (await given.state())?.position === dishes.length, 'the handler caught up with every dish');
        });

        it('hands the head one event of every kitchen at once', () => {
            expect(inFlight.most).toBe(kitchenCount);
        });

        it('never hands the head two events of one kitchen at once', () => {
            expect(inFlight.mostPerKitchen).toBe(1);
        });

        it('hands every kitchen its events once each, in order', () => {
            expect(kitchens.map((kitchen) => positionsOf(given.head, kitchen))).toEqual(kitchens.map((_, index) => expectedPositionsOf(index)));
        });
    });

    describe('and the events of one kitchen fail with a long retry timeout', () => {
        const failingKitchen = 2;
        const given = givenAPartitionedHandlerOverTheDishes(backend, (event) =>
            event.event.eventSourceId === kitchens[failingKitchen] ? outcomes.failed('The grill is on fire', 60_000) : outcomes.succeeded,
        );
        beforeAll(async () => {
            await waitUntil(async () => (await given.state())?.position === dishes.length, 'the main position reached the end of the stream');
        });

        it('parks the failing kitchen alone, at its first event', async () => {
            const failing = (await given.state())?.failingPartitions ?? new Map();
            expect([...failing].map(([partition, partitionFailure]) => [partition, partitionFailure.position, partitionFailure.attempts])).toEqual([
                [kitchens[failingKitchen], failingKitchen, 1],
            ]);
        });

        it('holds back the later events of the failing kitchen', () => {
            expect(positionsOf(given.head, kitchens[failingKitchen]!)).toEqual([failingKitchen]);
        });

        it('hands the other kitchens every event once each, in order', () => {
            const others = kitchens.map((_, index) => index).filter((index) => index !== failingKitchen);
            expect(others.map((index) => positionsOf(given.head, kitchens[index]!))).toEqual(others.map(expectedPositionsOf));
        });
    });
});
