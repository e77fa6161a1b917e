import { setTimeout as delay } from 'node:timers/promises';
import { EventStoreIsUnavailable } from '../eventStore/index.js';
import type { Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import { healthLogMessages as messages } from './logMessages.js';
import type { Readiness } from './Readiness.js';

/** A tenant's store as the reachability watch sees it: a cheap call that rejects when the store cannot be reached. */
export type ProbedStore = {
    readonly tenant: Guid;
    probe(): Promise<void>;
};

/** How often the stores are probed. */
export type StoreReachabilityOptions = {
    /** Between probes of a store that can be reached: how soon an outage shows while no call fails. */
    readonly probeIntervalMilliseconds: number;
    /** Between probes of a store that cannot be reached: how soon its return shows. */
    readonly probeIntervalWhileUnreachableMilliseconds: number;
};

const defaultOptions: StoreReachabilityOptions = { probeIntervalMilliseconds: 5_000, probeIntervalWhileUnreachableMilliseconds: 1_000 };

/**
 * Keeps readiness in step with whether each tenant's store can be reached: a storage call that fails because the
 * store is unavailable marks it unreachable at once (unreachable()), and a probe of every store, every few seconds
 * (every second while unreachable), marks it unreachable or reachable again. Logs each change once per tenant.
 */
export class StoreReachability {
    readonly #readiness: Readiness;
    readonly #logger: Logger;
    readonly #options: StoreReachabilityOptions;
    readonly #stop = new AbortController();
    readonly #unreachableSince = new Map<Guid, number>();

    /** Creates the watch; nothing is probed until start(). */
    constructor(readiness: Readiness, logger: Logger, options: StoreReachabilityOptions = defaultOptions) {
        this.#readiness = readiness;
        this.#logger = logger;
        this.#options = options;
    }

    /** Marks a tenant's store unreachable, saying why (a storage call or a probe failed because it is unavailable). */
    unreachable(tenant: Guid, reason: string): void {
        if (this.#stop.signal.aborted) {
            return;
        }
        if (!this.#unreachableSince.has(tenant)) {
            this.#unreachableSince.set(tenant, Date.now());
            this.#logger.log(messages.storeUnreachable, { tenant, reason });
        }
        this.#readiness.markStoreUnreachable(tenant, reason);
    }

    /** Starts probing the stores in the background, until stop(). */
    start(stores: ReadonlyArray<ProbedStore>): void {
        for (const store of stores) {
            void this.#watch(store);
        }
    }

    /** Stops probing; a probe under way is not waited for, and changes no more. */
    stop(): void {
        this.#stop.abort();
    }

    async #watch(store: ProbedStore): Promise<void> {
        const signal = this.#stop.signal;
        while (!signal.aborted) {
            const interval = this.#unreachableSince.has(store.tenant)
                ? this.#options.probeIntervalWhileUnreachableMilliseconds
                : this.#options.probeIntervalMilliseconds;
            await delay(interval, undefined, { signal, ref: false }).catch(() => undefined);
            if (signal.aborted) {
                return;
            }
            try {
                await store.probe();
                this.#reachable(store.tenant);
            } catch (error) {
                this.#logger.log(messages.probeFailed, { tenant: store.tenant, error: String(error) });
                this.unreachable(store.tenant, reasonOf(error));
            }
        }
    }

    #reachable(tenant: Guid): void {
        const since = this.#unreachableSince.get(tenant);
        if (since === undefined || this.#stop.signal.aborted) {
            return;
        }
        this.#unreachableSince.delete(tenant);
        this.#readiness.markStoreReachable(tenant);
        this.#logger.log(messages.storeReachable, { tenant, unreachableForMilliseconds: Date.now() - since });
    }
}

function reasonOf(error: unknown): string {
    if (error instanceof EventStoreIsUnavailable) {
        return error.detail;
    }
    return error instanceof Error ? error.message : String(error);
}
