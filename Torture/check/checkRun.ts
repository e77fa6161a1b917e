import { eventsHandedAgainAtMost } from '../../Source/runtime/streamProcessors/eventsHandedAgainAtMost.js';
import { tortureIdentifiers } from '../identifiers.js';
import type { CommitRecord } from '../writers/Ledger.js';
import type { Delivery } from './Delivery.js';
import type { StoredEvent, TenantStore } from './StoredEvents.js';

/** One figure of the checker's table: a count that must be 0 (a failure), or one that only informs. */
export type Figure = {
    readonly tenant: number;
    readonly subject: string;
    readonly name: string;
    readonly value: number;
    readonly mustBeZero: boolean;
    /** A few examples of what was counted, to start looking from. */
    readonly examples: ReadonlyArray<string>;
};

const processors = [
    { name: 'unpartitioned' as const, types: [tortureIdentifiers.ordered], partitioned: false },
    { name: 'partitioned' as const, types: [tortureIdentifiers.ordered, tortureIdentifiers.aggregated], partitioned: true },
];

/** What the run's faults allow beyond the everyday guarantees. */
export type Allowances = {
    /**
     * PostgreSQL crashed in the run: position writes do not wait for the disk there, so the last ones before a crash
     * can be lost and a handler starts again from an older position (Documentation/guarantees.md), handing over more
     * than the bound of events handed again (`eventsHandedAgainAtMost`). And a commit whose connection broke while PostgreSQL went down is answered
     * EventStoreUnavailable although the server may have committed it (a known gap, see guarantees.md).
     */
    readonly positionsMayGoBack: boolean;
};

/** Counts everything that went wrong in a run, per tenant: in the event log, the handlers' deliveries, the projection and the Event Horizon. */
export function checkRun(commits: ReadonlyArray<CommitRecord>, stores: ReadonlyArray<TenantStore>, deliveries: ReadonlyArray<Delivery>, allowances: Allowances = { positionsMayGoBack: false }): ReadonlyArray<Figure> {
    return stores.flatMap((store, tenant) => [
        ...checkEventLog(tenant, commits.filter((commit) => commit.tenant === tenant), store.events),
        ...processors.flatMap((processor) => checkHandler(tenant, processor, store.events, deliveries.filter((delivery) => delivery.tenant === tenant && delivery.processor === processor.name), allowances)),
        checkProjection(tenant, store),
        ...checkSubscription(tenant, store),
    ]);
}

class Counter {
    value = 0;
    readonly examples: string[] = [];

    add(example: string): void {
        this.value += 1;
        if (this.examples.length < 3) {
            this.examples.push(example);
        }
    }

    figure(tenant: number, subject: string, name: string, mustBeZero = true): Figure {
        return { tenant, subject, name, value: this.value, mustBeZero, examples: this.examples };
    }
}

function checkEventLog(tenant: number, commits: ReadonlyArray<CommitRecord>, events: ReadonlyArray<StoredEvent>): ReadonlyArray<Figure> {
    const missing = new Counter();
    const gaps = new Counter();
    const duplicates = new Counter();
    const versionClashes = new Counter();
    const versionGaps = new Counter();
    const refusedStored = new Counter();
    const unavailableStored = new Counter();
    const untoldStored = new Counter();
    const withoutCommit = new Counter();
    const unknownStored = new Counter();
    const unknownNotStored = new Counter();
    const byId = new Map<string, StoredEvent[]>();
    events.forEach((event, index) => {
        if (event.sequenceNumber !== index) {
            gaps.add(`position ${index} holds sequence number ${event.sequenceNumber}`);
        }
        const list = byId.get(event.id) ?? [];
        list.push(event);
        byId.set(event.id, list);
    });
    for (const [id, list] of byId) {
        if (list.length > 1) {
            duplicates.add(`${id} at ${list.map((event) => event.sequenceNumber).join(', ')}`);
        }
    }
    const versions = new Map<string, number[]>();
    for (const event of events) {
        if (event.aggregateVersion !== undefined) {
            const list = versions.get(event.eventSource) ?? [];
            list.push(event.aggregateVersion);
            versions.set(event.eventSource, list);
        }
    }
    for (const [eventSource, list] of versions) {
        const seen = new Set<number>();
        list.forEach((version, index) => {
            if (seen.has(version)) {
                versionClashes.add(`aggregate ${eventSource} version ${version}`);
            }
            seen.add(version);
            if (version !== index) {
                versionGaps.add(`aggregate ${eventSource}: its event ${index} has version ${version}`);
            }
        });
    }
    const recorded = new Set<string>();
    for (const commit of commits) {
        commit.ids.forEach((id, index) => {
            recorded.add(id);
            const stored = byId.get(id);
            if (commit.outcome === 'acknowledged') {
                const expected = commit.sequenceNumbers[index];
                if (stored === undefined || !stored.some((event) => event.sequenceNumber === expected)) {
                    missing.add(`${id} acknowledged at ${expected ?? '?'}`);
                }
            } else if (commit.outcome === 'refused') {
                if (stored !== undefined) {
                    // The Runtime looks whether an interrupted commit went in; only when the database stayed away
                    // too long does it answer unavailable without knowing (and says so): those are allowed.
                    const reason = commit.reason ?? '';
                    const counter = reason.includes('could not be told') ? untoldStored : reason.includes('unavailable') ? unavailableStored : refusedStored;
                    counter.add(`${id} (${commit.reason ?? ''})`.slice(0, 200));
                }
            } else if (stored !== undefined) {
                unknownStored.add(id);
            } else {
                unknownNotStored.add(id);
            }
        });
    }
    for (const id of byId.keys()) {
        if (!recorded.has(id)) {
            withoutCommit.add(id);
        }
    }
    const subject = 'event log';
    return [
        missing.figure(tenant, subject, 'acknowledged events missing or moved'),
        gaps.figure(tenant, subject, 'sequence number gaps'),
        duplicates.figure(tenant, subject, 'events stored twice'),
        versionClashes.figure(tenant, subject, 'two events at one aggregate version'),
        versionGaps.figure(tenant, subject, 'aggregate version gaps'),
        refusedStored.figure(tenant, subject, 'refused commits stored'),
        unavailableStored.figure(tenant, subject, 'commits answered unavailable but stored'),
        untoldStored.figure(tenant, subject, 'commits answered "could not be told" and stored (allowed)', false),
        withoutCommit.figure(tenant, subject, 'events no writer committed'),
        unknownStored.figure(tenant, subject, 'broken calls whose events were stored (allowed)', false),
        unknownNotStored.figure(tenant, subject, 'broken calls whose events were not stored (allowed)', false),
    ];
}

function checkHandler(
    tenant: number,
    processor: { readonly name: string; readonly types: ReadonlyArray<string>; readonly partitioned: boolean },
    events: ReadonlyArray<StoredEvent>,
    deliveries: ReadonlyArray<Delivery>,
    allowances: Allowances,
): ReadonlyArray<Figure> {
    const missing = new Counter();
    const outOfOrder = new Counter();
    const twiceInConnection = new Counter();
    const notInLog = new Counter();
    const wrongPartition = new Counter();
    const redelivered = new Counter();
    const beyondBound = new Counter();
    // Events handed over again in each connection: at least once allows up to `eventsHandedAgainAtMost` per tenant
    // when the previous connection or the Runtime ended (positions are written coalesced, and a partitioned handler
    // has several partitions in flight).
    const againInConnection = new Map<string, number>();
    const handled = events.filter((event) => processor.types.includes(event.typeId));
    const bySequence = new Map(events.map((event) => [event.sequenceNumber, event]));
    const delivered = new Set<number>();
    const seenInConnection = new Map<string, Set<number>>();
    const lastInOrderScope = new Map<string, number>();
    for (const delivery of deliveries) {
        const event = bySequence.get(delivery.sequenceNumber);
        if (event === undefined || !processor.types.includes(event.typeId)) {
            notInLog.add(`sequence number ${delivery.sequenceNumber}`);
            continue;
        }
        if (processor.partitioned && delivery.partition !== event.eventSource) {
            wrongPartition.add(`${delivery.sequenceNumber} in partition ${delivery.partition}, event source ${event.eventSource}`);
        }
        const seen = seenInConnection.get(delivery.connection) ?? new Set<number>();
        seenInConnection.set(delivery.connection, seen);
        if (seen.has(delivery.sequenceNumber)) {
            twiceInConnection.add(`${delivery.sequenceNumber} in connection ${delivery.connection}`);
        } else if (delivered.has(delivery.sequenceNumber)) {
            redelivered.add(`${delivery.sequenceNumber} again in connection ${delivery.connection}`);
            const again = (againInConnection.get(delivery.connection) ?? 0) + 1;
            againInConnection.set(delivery.connection, again);
            if (again > eventsHandedAgainAtMost) {
                beyondBound.add(`${delivery.sequenceNumber}, the ${again}th event handed over again in connection ${delivery.connection}`);
            }
        }
        seen.add(delivery.sequenceNumber);
        delivered.add(delivery.sequenceNumber);
        // Order holds within one connection: per tenant, or per partition when partitioned.
        const orderScope = `${delivery.connection}/${processor.partitioned ? event.eventSource : ''}`;
        const last = lastInOrderScope.get(orderScope);
        if (last !== undefined && delivery.sequenceNumber <= last) {
            outOfOrder.add(`${delivery.sequenceNumber} after ${last} in connection ${delivery.connection}`);
        }
        lastInOrderScope.set(orderScope, delivery.sequenceNumber);
    }
    for (const event of handled) {
        if (!delivered.has(event.sequenceNumber)) {
            missing.add(`sequence number ${event.sequenceNumber}`);
        }
    }
    const subject = `${processor.name} handler`;
    return [
        missing.figure(tenant, subject, 'events never delivered'),
        outOfOrder.figure(tenant, subject, 'out-of-order deliveries'),
        twiceInConnection.figure(tenant, subject, 'delivered twice in one connection'),
        notInLog.figure(tenant, subject, 'deliveries of events not in the log'),
        wrongPartition.figure(tenant, subject, 'deliveries in the wrong partition'),
        allowances.positionsMayGoBack
            ? beyondBound.figure(tenant, subject, `delivered again beyond the ${eventsHandedAgainAtMost} allowed (PostgreSQL crashed: allowed)`, false)
            : beyondBound.figure(tenant, subject, `delivered again beyond the ${eventsHandedAgainAtMost} allowed`),
        redelivered.figure(tenant, subject, 'delivered again after a reconnect (at least once: allowed)', false),
    ];
}

function checkProjection(tenant: number, store: TenantStore): Figure {
    const counter = new Counter();
    const expected = new Map<string, number>();
    for (const event of store.events) {
        if (event.typeId === tortureIdentifiers.ordered) {
            expected.set(event.eventSource, (expected.get(event.eventSource) ?? 0) + 1);
        }
    }
    for (const key of new Set([...expected.keys(), ...store.readModels.keys()])) {
        const [want, have] = [expected.get(key), store.readModels.get(key)];
        if (want !== have) {
            counter.add(`${key}: ${have ?? 'none'} instead of ${want ?? 'none'}`);
        }
    }
    return counter.figure(tenant, 'projection', 'read models that differ from a clean replay');
}

/**
 * Compares the consumer microservice's scoped log with the producer's public events of the tenant: the public filter
 * puts them all into the one partition subscribed to, so the scoped log must hold each exactly once, in log order.
 */
function checkSubscription(tenant: number, store: TenantStore): ReadonlyArray<Figure> {
    const missing = new Counter();
    const twice = new Counter();
    const outOfOrder = new Counter();
    const notPublic = new Counter();
    const gaps = new Counter();
    const produced = new Map(store.events.filter((event) => event.public).map((event) => [event.id, event]));
    const received = new Set<string>();
    let last = -1;
    store.received.forEach((event, index) => {
        if (event.sequenceNumber !== index) {
            gaps.add(`position ${index} of the scoped log holds sequence number ${event.sequenceNumber}`);
        }
        const original = produced.get(event.id);
        if (original === undefined) {
            notPublic.add(`${event.id} at ${event.sequenceNumber} of the scoped log`);
            return;
        }
        if (received.has(event.id)) {
            twice.add(`${event.id} (producer's ${original.sequenceNumber}) again at ${event.sequenceNumber} of the scoped log`);
            return;
        }
        received.add(event.id);
        if (original.sequenceNumber < last) {
            outOfOrder.add(`producer's ${original.sequenceNumber} after ${last}`);
        }
        last = Math.max(last, original.sequenceNumber);
    });
    for (const [id, event] of produced) {
        if (!received.has(id)) {
            missing.add(`${id} (producer's ${event.sequenceNumber})`);
        }
    }
    const subject = 'Event Horizon subscription';
    return [
        missing.figure(tenant, subject, 'public events never received'),
        twice.figure(tenant, subject, 'events received twice'),
        outOfOrder.figure(tenant, subject, 'events received out of order'),
        notPublic.figure(tenant, subject, 'received events not public at the producer'),
        gaps.figure(tenant, subject, 'scoped log sequence number gaps'),
    ];
}
