import { preciseNow } from '../../measurement/preciseNow.js';
import type { DeliveryListener } from '../PeerSystem.js';

/** How waiting for a consumer ended. */
export type Settled = { readonly outcome: 'complete' | 'stalled' | 'timed out'; readonly lastDeliveryAt: number };

const checkEvery = 20;

/** Records what a consumer delivers (every number, duplicates included) and when, and waits for deliveries. */
export class DeliveryRecorder {
    readonly #delivered: number[] = [];
    readonly #distinct = new Set<number>();
    readonly #waiting = new Map<number, (at: number) => void>();
    #lastDeliveryAt = preciseNow();

    /** The listener to hand the consumer. */
    readonly listener: DeliveryListener = (numbers) => {
        const at = preciseNow();
        this.#lastDeliveryAt = at;
        for (const number of numbers) {
            this.#delivered.push(number);
            this.#distinct.add(number);
            const waiter = this.#waiting.get(number);
            if (waiter !== undefined) {
                this.#waiting.delete(number);
                waiter(at);
            }
        }
    };

    /** Everything delivered so far, in order, duplicates included. */
    get delivered(): ReadonlyArray<number> {
        return this.#delivered;
    }

    /** When the event numbered `number` was delivered (waiting for it up to `timeout` ms); undefined if it was not. */
    arrivalOf(number: number, timeout: number): Promise<number | undefined> {
        if (this.#distinct.has(number)) {
            return Promise.resolve(this.#lastDeliveryAt);
        }
        return new Promise((resolve) => {
            const timer = setTimeout(() => {
                this.#waiting.delete(number);
                resolve(undefined);
            }, timeout);
            this.#waiting.set(number, (at) => {
                clearTimeout(timer);
                resolve(at);
            });
        });
    }

    /** How many of `expected` were delivered at least once. */
    deliveredOf(expected: ReadonlySet<number>): number {
        let count = 0;
        for (const number of expected) {
            count += this.#distinct.has(number) ? 1 : 0;
        }
        return count;
    }

    /** Waits until every expected event was delivered, nothing new arrived for `stall` ms, or `timeout` ms passed. */
    async settle(expected: ReadonlySet<number>, stall: number, timeout: number): Promise<Settled> {
        const began = preciseNow();
        let missing = [...expected].filter((number) => !this.#distinct.has(number));
        for (;;) {
            missing = missing.filter((number) => !this.#distinct.has(number));
            const now = preciseNow();
            if (missing.length === 0) {
                return { outcome: 'complete', lastDeliveryAt: this.#lastDeliveryAt };
            }
            if (now - Math.max(this.#lastDeliveryAt, began) > stall) {
                return { outcome: 'stalled', lastDeliveryAt: this.#lastDeliveryAt };
            }
            if (now - began > timeout) {
                return { outcome: 'timed out', lastDeliveryAt: this.#lastDeliveryAt };
            }
            await new Promise((resolve) => setTimeout(resolve, checkEvery));
        }
    }
}
