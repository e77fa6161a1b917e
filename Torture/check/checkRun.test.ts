import { describe, expect, it } from 'vitest';
import { eventsHandedAgainAtMost } from '../../Source/runtime/streamProcessors/eventsHandedAgainAtMost.js';
import { tortureIdentifiers } from '../identifiers.js';
import type { CommitRecord } from '../writers/Ledger.js';
import { checkRun, type Figure } from './checkRun.js';
import type { Delivery } from './Delivery.js';
import type { StoredEvent, TenantStore } from './StoredEvents.js';

const [source1, source2] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
const ordered = (sequenceNumber: number, id: string, eventSource = source1, isPublic = false): StoredEvent => ({ sequenceNumber, typeId: tortureIdentifiers.ordered, eventSource, id, aggregateVersion: undefined, public: isPublic });
const acknowledged = (ids: ReadonlyArray<string>, sequenceNumbers: ReadonlyArray<number>): CommitRecord => ({ tenant: 0, kind: 'events', ids, outcome: 'acknowledged', sequenceNumbers });
const delivered = (processor: Delivery['processor'], connection: number, sequenceNumber: number, partition = source1): Delivery => ({ processor, connection: `1.${connection}`, tenant: 0, sequenceNumber, partition });
const emptyStore: TenantStore = { events: [], readModels: new Map(), received: [] };

/** The figures that must be 0 and are not, as "subject: name = value". */
function failuresOf(figures: ReadonlyArray<Figure>): ReadonlyArray<string> {
    return figures.filter((figure) => figure.mustBeZero && figure.value > 0).map((figure) => `${figure.subject}: ${figure.name} = ${figure.value}`);
}

/** A clean run of two events, every consumer caught up: the base each case breaks one way. */
function cleanRun() {
    const events = [ordered(0, 'a'), ordered(1, 'b', source2, true)];
    const store: TenantStore = { events, readModels: new Map([[source1, 1], [source2, 1]]), received: [ordered(0, 'b', source2, true)] };
    const commits = [acknowledged(['a', 'b'], [0, 1])];
    const deliveries = [delivered('unpartitioned', 1, 0), delivered('unpartitioned', 1, 1, source2), delivered('partitioned', 1, 0), delivered('partitioned', 1, 1, source2)];
    return { store, commits, deliveries };
}

/** A clean run of `count` events of one event source, each delivered once to both handlers, and each again to the unpartitioned one in a second connection. */
function aRunOf(count: number) {
    const events = Array.from({ length: count }, (_, index) => ordered(index, `event ${index}`));
    const store: TenantStore = { events, readModels: new Map([[source1, count]]), received: [] };
    const commits = [acknowledged(events.map((event) => event.id), events.map((event) => event.sequenceNumber))];
    const deliveries = [
        ...events.map((event) => delivered('unpartitioned', 1, event.sequenceNumber)),
        ...events.map((event) => delivered('partitioned', 1, event.sequenceNumber)),
    ];
    const again = events.map((event) => delivered('unpartitioned', 2, event.sequenceNumber));
    return { store, commits, deliveries, again };
}

describe('when the torture checker counts a run', () => {
    it('counts nothing in a clean run', () => {
        const { store, commits, deliveries } = cleanRun();
        expect(failuresOf(checkRun(commits, [store, emptyStore, emptyStore], deliveries))).toEqual([]);
    });

    it('counts an acknowledged event that is not stored, a gap, and an event stored twice', () => {
        const { commits, deliveries } = cleanRun();
        const store: TenantStore = { ...cleanRun().store, events: [ordered(0, 'a'), ordered(2, 'a', source2)] };
        expect(failuresOf(checkRun(commits, [store, emptyStore, emptyStore], deliveries))).toEqual(expect.arrayContaining([
            'event log: acknowledged events missing or moved = 1',
            'event log: sequence number gaps = 1',
            'event log: events stored twice = 1',
            'Event Horizon subscription: received events not public at the producer = 1',
        ]));
    });

    it('counts a refused commit that was stored anyway', () => {
        const { store, deliveries } = cleanRun();
        const commits: CommitRecord[] = [acknowledged(['a'], [0]), { tenant: 0, kind: 'events', ids: ['b'], outcome: 'refused', sequenceNumbers: [] }];
        expect(failuresOf(checkRun(commits, [store, emptyStore, emptyStore], deliveries))).toEqual(['event log: refused commits stored = 1']);
    });

    it('counts an event never delivered, a delivery out of order and one delivered twice in a connection', () => {
        const { store, commits } = cleanRun();
        const deliveries = [delivered('unpartitioned', 1, 1, source2), delivered('unpartitioned', 1, 0), delivered('unpartitioned', 1, 0), delivered('partitioned', 1, 0)];
        expect(failuresOf(checkRun(commits, [store, emptyStore, emptyStore], deliveries))).toEqual([
            'unpartitioned handler: out-of-order deliveries = 2',
            'unpartitioned handler: delivered twice in one connection = 1',
            'partitioned handler: events never delivered = 1',
        ]);
    });

    it('allows a redelivery in a new connection, as at-least-once does', () => {
        const { store, commits, deliveries } = cleanRun();
        const figures = checkRun(commits, [store, emptyStore, emptyStore], [...deliveries, delivered('unpartitioned', 2, 1, source2)]);
        expect([failuresOf(figures), figures.find((figure) => figure.subject === 'unpartitioned handler' && !figure.mustBeZero && figure.tenant === 0)?.value]).toEqual([[], 1]);
    });

    it('allows as many events handed over again in a new connection as the Runtime promises at most', () => {
        const { store, commits, deliveries, again } = aRunOf(eventsHandedAgainAtMost);
        expect(failuresOf(checkRun(commits, [store, emptyStore, emptyStore], [...deliveries, ...again]))).toEqual([]);
    });

    it('counts the events handed over again in a new connection beyond the most the Runtime promises', () => {
        const { store, commits, deliveries, again } = aRunOf(eventsHandedAgainAtMost + 2);
        expect(failuresOf(checkRun(commits, [store, emptyStore, emptyStore], [...deliveries, ...again]))).toEqual([
            `unpartitioned handler: delivered again beyond the ${eventsHandedAgainAtMost} allowed = 2`,
        ]);
    });

    it('counts a commit answered unavailable that was stored, even when PostgreSQL crashed', () => {
        const { store, deliveries } = cleanRun();
        const commits: CommitRecord[] = [acknowledged(['a'], [0]), { tenant: 0, kind: 'events', ids: ['b'], outcome: 'refused', sequenceNumbers: [], reason: 'The event store is unavailable: connection lost' }];
        expect([
            failuresOf(checkRun(commits, [store, emptyStore, emptyStore], deliveries)),
            failuresOf(checkRun(commits, [store, emptyStore, emptyStore], deliveries, { positionsMayGoBack: true })),
        ]).toEqual([['event log: commits answered unavailable but stored = 1'], ['event log: commits answered unavailable but stored = 1']]);
    });

    it('allows a stored commit answered unavailable when the Runtime said it could not tell whether it was stored', () => {
        const { store, deliveries } = cleanRun();
        const reason = 'The event store is unavailable: Connection terminated unexpectedly (whether the events were stored could not be told)';
        const commits: CommitRecord[] = [acknowledged(['a'], [0]), { tenant: 0, kind: 'events', ids: ['b'], outcome: 'refused', sequenceNumbers: [], reason }];
        const figures = checkRun(commits, [store, emptyStore, emptyStore], deliveries);
        expect([failuresOf(figures), figures.find((figure) => figure.name.includes('could not be told') && figure.tenant === 0)?.value]).toEqual([[], 1]);
    });

    it('allows more events handed over again than the Runtime promises when PostgreSQL crashed (unflushed positions are lost)', () => {
        const { store, commits, deliveries, again } = aRunOf(eventsHandedAgainAtMost + 2);
        expect(failuresOf(checkRun(commits, [store, emptyStore, emptyStore], [...deliveries, ...again], { positionsMayGoBack: true }))).toEqual([]);
    });

    it('counts a read model that differs from a clean replay of the log', () => {
        const { commits, deliveries } = cleanRun();
        const store: TenantStore = { ...cleanRun().store, readModels: new Map([[source1, 2], [source2, 1]]) };
        expect(failuresOf(checkRun(commits, [store, emptyStore, emptyStore], deliveries))).toEqual(['projection: read models that differ from a clean replay = 1']);
    });

    it('counts a public event the consumer never received, one received twice, one out of order, and a gap in the scoped log', () => {
        const { commits, deliveries } = cleanRun();
        const events = [ordered(0, 'a', source1, true), ordered(1, 'b', source2, true), ordered(2, 'c', source1, true)];
        const store: TenantStore = { events, readModels: new Map([[source1, 2], [source2, 1]]), received: [ordered(0, 'b', source2, true), ordered(1, 'a', source1, true), ordered(3, 'a', source1, true)] };
        const allCommits = [...commits, acknowledged(['c'], [2])];
        const all = [...deliveries, delivered('unpartitioned', 1, 2), delivered('partitioned', 1, 2)];
        expect(failuresOf(checkRun(allCommits, [store, emptyStore, emptyStore], all))).toEqual([
            'Event Horizon subscription: public events never received = 1',
            'Event Horizon subscription: events received twice = 1',
            'Event Horizon subscription: events received out of order = 1',
            'Event Horizon subscription: scoped log sequence number gaps = 1',
        ]);
    });
});
