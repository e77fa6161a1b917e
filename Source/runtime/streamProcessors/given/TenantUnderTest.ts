import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { CommittedEvent } from '../../eventStore/CommittedEvent.js';
import { EventStore } from '../../eventStore/EventStore.js';
import { aSilentLogger } from '../../eventStore/given/aSilentLogger.js';
import { anExecutionContext } from '../../eventStore/given/anExecutionContext.js';
import type { Guid } from '../../guids/index.js';
import { eventLogSource } from '../../streams/index.js';
import { TenantId, type Tenant } from '../../tenancy/index.js';
import { ObservedStreamChanges } from './ObservedStreamChanges.js';
import type { ProcessingBackend } from './processingBackends.js';

/** What a test commits: an event of a type from an event source. */
export type EventToCommit = { readonly type: Guid; readonly eventSourceId: Guid };

/** Something that runs in the background until stopped: a stream processor or a filter. */
export type Running = { start(): void; stop(): Promise<void> };

/**
 * A tenant as the host opens it (its store, an event store whose commits wake the tenant's StreamChanges), on a
 * fresh store for every test. What a test starts through `run` is stopped after it, before the store closes.
 */
export class TenantUnderTest {
    readonly #running: Running[] = [];
    #commits = 0;

    private constructor(
        /** The tenant, as features get it from the host. */
        readonly tenant: Tenant,
        /** The tenant's change notifications, observable. */
        readonly changes: ObservedStreamChanges,
    ) {}

    /** Opens a tenant on a fresh store of the backend, wired as host/openTenants.ts wires it. */
    static async open(backend: ProcessingBackend): Promise<TenantUnderTest> {
        const storage = await backend.openStorage();
        const changes = new ObservedStreamChanges();
        const eventStore = new EventStore(storage.eventLog, aSilentLogger());
        eventStore.onCommitted((scope) => changes.changed(eventLogSource(scope)));
        return new TenantUnderTest({ id: TenantId.development, storage, eventStore, changes }, changes);
    }

    /** Opens a fresh tenant before each test of the enclosing suite and disposes of it after; returns its getter. */
    static forEachTest(backend: ProcessingBackend): () => TenantUnderTest {
        return TenantUnderTest.#openedAround(backend, beforeEach, afterEach);
    }

    /**
     * Opens one fresh tenant for the enclosing suite (before its own beforeAll hooks, which may play a scenario on it)
     * and disposes of it after the suite; returns its getter.
     */
    static forSuite(backend: ProcessingBackend): () => TenantUnderTest {
        return TenantUnderTest.#openedAround(backend, beforeAll, afterAll);
    }

    static #openedAround(
        backend: ProcessingBackend,
        before: (hook: () => Promise<void>) => void,
        after: (hook: () => Promise<void>) => void,
    ): () => TenantUnderTest {
        let current: TenantUnderTest | undefined;
        before(async () => {
            current = await TenantUnderTest.open(backend);
        });
        after(async () => {
            await current?.dispose();
            current = undefined;
        });
        return () => {
            if (current === undefined) {
                throw new Error(`No tenant is open on ${backend.name} outside a test`);
            }
            return current;
        };
    }

    /** Starts a processor or filter, to be stopped after the test. */
    run<T extends Running>(part: T): T {
        this.#running.push(part);
        part.start();
        return part;
    }

    /** Commits the events through the tenant's event store in one request; fails the test when the commit fails. */
    async commit(...events: ReadonlyArray<EventToCommit>): Promise<ReadonlyArray<CommittedEvent>> {
        const result = await this.tenant.eventStore.commit({
            kind: 'events',
            executionContext: anExecutionContext(),
            events: events.map(({ type, eventSourceId }) => ({
                type: { id: type, generation: 1 },
                eventSourceId,
                public: false,
                content: JSON.stringify({ commit: this.#commits, dish: 'Bean Blaster Taco' }),
            })),
        });
        this.#commits++;
        if (!result.succeeded) {
            throw new Error(`Committing ${events.length} events failed: ${result.failure.reason}`);
        }
        return result.value;
    }

    /** Stops everything still running and closes the store. */
    async dispose(): Promise<void> {
        await Promise.all(this.#running.splice(0).map((part) => part.stop()));
        await this.tenant.storage.close();
    }
}
