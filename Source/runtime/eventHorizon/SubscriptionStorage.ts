import type { CommittedEvent } from '../eventStore/index.js';
import type { SubscriptionKey } from './SubscriptionKey.js';

/**
 * What every storage backend provides for a consumer tenant's Event Horizon subscriptions: where each one is in the
 * producer's public stream, and the one transaction that writes received events and moves that position together.
 */
export interface SubscriptionStorage {
    /** The next public-stream position the subscription asks for: 0 when it has received nothing yet. */
    position(subscription: SubscriptionKey): Promise<number>;
    /** Every subscription that has received events into the tenant, with its position, for the management API. */
    all(): Promise<ReadonlyArray<StoredSubscription>>;
    /**
     * In one transaction: appends the received events (sequence numbers already given) to the scope's event log and
     * moves the subscription from `fromPosition` to `toPosition`, keeping the events' latest receive time. Throws SubscriptionWasChangedElsewhere, writing
     * nothing, when the subscription is no longer at `fromPosition` or a sequence number of the scope is taken.
     */
    receive(subscription: SubscriptionKey, events: ReadonlyArray<CommittedEvent>, fromPosition: number, toPosition: number): Promise<void>;
}

/**
 * A subscription as stored: its key, the next public-stream position it asks for, and when its last batch was received
 * (milliseconds since the epoch; missing for a subscription stored before this was kept).
 */
export type StoredSubscription = { readonly key: SubscriptionKey; readonly position: number; readonly lastReceived?: number };

/** Thrown when a received batch was not written because another writer moved the subscription or took a sequence number. */
export class SubscriptionWasChangedElsewhere extends Error {
    /** Creates the error telling what was found changed. */
    constructor(detail: string, options?: ErrorOptions) {
        super(`The received events were not written: ${detail}`, options);
        this.name = 'SubscriptionWasChangedElsewhere';
    }
}
