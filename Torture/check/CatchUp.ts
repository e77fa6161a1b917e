import { tortureIdentifiers } from '../identifiers.js';
import type { Delivery } from './Delivery.js';
import type { StoredEvent, TenantStore } from './StoredEvents.js';

const handlers: ReadonlyArray<{ readonly name: string; readonly types: ReadonlyArray<string> }> = [
    { name: 'unpartitioned', types: [tortureIdentifiers.ordered] },
    { name: 'partitioned', types: [tortureIdentifiers.ordered, tortureIdentifiers.aggregated] },
];

/** What each handler of one tenant has to get, and what it got. */
type HandlerProgress = {
    /** The sequence numbers the handler must get, in log order. */
    readonly handled: number[];
    readonly delivered: Set<number>;
    /** How many of `handled` are known delivered, from the start. */
    confirmed: number;
};

/** One tenant's progress: its handlers', the projection's expected counters and the Event Horizon's public events. */
type TenantProgress = {
    readonly handlers: ReadonlyMap<string, HandlerProgress>;
    readonly expectedReadModels: Map<string, number>;
    readonly publicIds: string[];
    readonly receivedIds: Set<string>;
    confirmedPublic: number;
    /** How many events of the log, and of the consumer's scoped log, have been taken in. */
    events: number;
    received: number;
};

/**
 * Tells, while a run catches up, whether the consumers have caught up with the stores: every handled event delivered,
 * every read model as a clean replay has it, every public event received. It is told only what is new since it was
 * last asked (events and received events past those it has seen, deliveries past those it has read), so that a check
 * costs what changed, not the whole run: reading and checking a million events and two million deliveries every
 * second took a core of the machine, away from the Runtime that was to catch up.
 */
export class CatchUp {
    readonly #tenants: ReadonlyArray<TenantProgress>;

    /** Starts with nothing seen, for the run's tenants. */
    constructor(tenants: number = tortureIdentifiers.tenants.length) {
        this.#tenants = Array.from({ length: tenants }, () => ({
            handlers: new Map(handlers.map((handler) => [handler.name, { handled: [], delivered: new Set<number>(), confirmed: 0 }])),
            expectedReadModels: new Map(),
            publicIds: [],
            receivedIds: new Set(),
            confirmedPublic: 0,
            events: 0,
            received: 0,
        }));
    }

    /** How many events of each tenant's log, and of its consumer's scoped log, have been seen: where to read on from. */
    get seen(): { readonly events: ReadonlyArray<number>; readonly received: ReadonlyArray<number> } {
        return {
            events: this.#tenants.map((tenant) => tenant.events),
            received: this.#tenants.map((tenant) => tenant.received),
        };
    }

    /** Takes in what is new: each tenant's events and received events past those seen (in order), and new deliveries. */
    add(stores: ReadonlyArray<Pick<TenantStore, 'events' | 'received'>>, deliveries: ReadonlyArray<Delivery>): void {
        stores.forEach((store, index) => {
            const tenant = this.#tenants[index];
            if (tenant === undefined) {
                return;
            }
            // Only what continues the logs as seen so far: a store read twice, or a number not yet visible, is skipped.
            for (const event of store.events) {
                if (event.sequenceNumber === tenant.events) {
                    this.#addEvent(tenant, event);
                }
            }
            for (const event of store.received) {
                if (event.sequenceNumber === tenant.received) {
                    tenant.receivedIds.add(event.id);
                    tenant.received += 1;
                }
            }
        });
        for (const delivery of deliveries) {
            this.#tenants[delivery.tenant]?.handlers.get(delivery.processor)?.delivered.add(delivery.sequenceNumber);
        }
    }

    /** Whether everything seen so far has reached its consumers, the projection's read models being those given. */
    caughtUp(readModels: ReadonlyArray<ReadonlyMap<string, number>>): boolean {
        // Every tenant and handler is brought up to date (no stopping at the first behind), for progress() to be true.
        const tenantsCaughtUp = this.#tenants.map((tenant, index) => {
            const handlersCaughtUp = [...tenant.handlers.values()].map((handler) => {
                while (handler.confirmed < handler.handled.length && handler.delivered.has(handler.handled[handler.confirmed]!)) {
                    handler.confirmed += 1;
                }
                return handler.confirmed === handler.handled.length;
            }).every(Boolean);
            while (tenant.confirmedPublic < tenant.publicIds.length && tenant.receivedIds.has(tenant.publicIds[tenant.confirmedPublic]!)) {
                tenant.confirmedPublic += 1;
            }
            const models = readModels[index] ?? new Map<string, number>();
            const readModelsCaughtUp = models.size === tenant.expectedReadModels.size
                && [...tenant.expectedReadModels].every(([eventSource, count]) => models.get(eventSource) === count);
            return handlersCaughtUp && tenant.confirmedPublic === tenant.publicIds.length && readModelsCaughtUp;
        });
        return tenantsCaughtUp.every(Boolean);
    }

    /** How much has reached the consumers: deliveries of different events and received events; grows while they move. */
    get reached(): number {
        return this.#tenants.reduce((sum, tenant) => sum + tenant.receivedIds.size + [...tenant.handlers.values()].reduce((delivered, handler) => delivered + handler.delivered.size, 0), 0);
    }

    /** How far the consumers are, for the run's log: delivered of handled, received of public, per tenant. */
    progress(): string {
        return this.#tenants.map((tenant, index) => {
            const handled = [...tenant.handlers].map(([name, handler]) => `${name} ${handler.confirmed}/${handler.handled.length}`).join(', ');
            return `tenant ${index}: ${handled}, public ${tenant.confirmedPublic}/${tenant.publicIds.length}`;
        }).join('; ');
    }

    #addEvent(tenant: TenantProgress, event: StoredEvent): void {
        for (const handler of handlers) {
            if (handler.types.includes(event.typeId)) {
                tenant.handlers.get(handler.name)!.handled.push(event.sequenceNumber);
            }
        }
        if (event.typeId === tortureIdentifiers.ordered) {
            tenant.expectedReadModels.set(event.eventSource, (tenant.expectedReadModels.get(event.eventSource) ?? 0) + 1);
        }
        if (event.public) {
            tenant.publicIds.push(event.id);
        }
        tenant.events += 1;
    }
}
