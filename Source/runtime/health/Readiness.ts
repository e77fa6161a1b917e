import type { Guid } from '../guids/index.js';

/**
 * Whether the Runtime is ready to serve: it has started (every tenant's store open, the servers listening), is not
 * stopping, and every tenant's store can be reached. The host marks the start and the stop; StoreReachability marks
 * each tenant's store unreachable during an outage and reachable again when it returns.
 */
export class Readiness {
    #started = false;
    #reason = 'starting';
    readonly #unreachableStores = new Map<Guid, string>();

    /** Tells whether the Runtime is ready. */
    get ready(): boolean {
        return this.#started && this.#unreachableStores.size === 0;
    }

    /** Why the Runtime is not ready (or 'ready'): starting, stopping, or which tenants' stores cannot be reached and why. */
    get reason(): string {
        if (!this.#started) {
            return this.#reason;
        }
        if (this.#unreachableStores.size > 0) {
            return [...this.#unreachableStores].map(([tenant, reason]) => `the event store of tenant ${tenant} is unreachable: ${reason}`).join('\n');
        }
        return 'ready';
    }

    /** Marks the Runtime started (ready unless a tenant's store is unreachable). */
    markReady(): void {
        this.#started = true;
    }

    /** Marks the Runtime not ready, saying why (e.g. 'stopping'). */
    markNotReady(reason: string): void {
        this.#started = false;
        this.#reason = reason;
    }

    /** Marks a tenant's store unreachable, saying why; the Runtime is not ready until it is reachable again. */
    markStoreUnreachable(tenant: Guid, reason: string): void {
        this.#unreachableStores.set(tenant, reason);
    }

    /** Marks a tenant's store reachable again. */
    markStoreReachable(tenant: Guid): void {
        this.#unreachableStores.delete(tenant);
    }

    /** Tells whether a tenant's store is marked unreachable. */
    isStoreUnreachable(tenant: Guid): boolean {
        return this.#unreachableStores.has(tenant);
    }
}
