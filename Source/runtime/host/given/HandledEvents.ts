import type { EventContext } from '@dolittle/sdk.events';
import { waitUntil } from './waitUntil.js';

/** One call of an event handler or filter callback, as a test saw it. */
export type HandledEvent = {
    readonly content: Record<string, unknown>;
    readonly sequenceNumber: number;
    readonly eventSourceId: string;
    readonly tenant: string;
    readonly occurred: Date;
    /** Whether the callback threw for this call (so the Runtime will retry it). */
    readonly failed: boolean;
};

/**
 * Records every call of the callbacks it makes, in arrival order, and can make chosen calls throw, so tests can check
 * what a processor received, how often, in which order and with which context.
 */
export class HandledEvents {
    readonly #calls: HandledEvent[] = [];

    /** Every call so far, in arrival order. */
    get calls(): ReadonlyArray<HandledEvent> {
        return this.#calls;
    }

    /** The calls that succeeded, in arrival order. */
    get succeeded(): ReadonlyArray<HandledEvent> {
        return this.#calls.filter((call) => !call.failed);
    }

    /** Records a call and tells whether it should fail; `failWhen` sees the call and how many earlier calls had the same sequence number. */
    record(event: unknown, context: EventContext, failWhen?: (call: HandledEvent, earlierAttempts: number) => boolean): HandledEvent {
        const base = {
            content: { ...(event as Record<string, unknown>) },
            sequenceNumber: context.sequenceNumber,
            eventSourceId: context.eventSourceId.toString(),
            tenant: context.executionContext.tenantId.toString(),
            occurred: context.occurred.toJSDate(),
        };
        const earlierAttempts = this.#calls.filter((call) => call.sequenceNumber === base.sequenceNumber && call.tenant === base.tenant).length;
        const call = { ...base, failed: failWhen?.({ ...base, failed: false }, earlierAttempts) ?? false };
        this.#calls.push(call);
        return call;
    }

    /** An event handler method that records its calls and throws for the ones `failWhen` picks. */
    handler(failWhen?: (call: HandledEvent, earlierAttempts: number) => boolean): (event: unknown, context: EventContext) => void {
        return (event, context) => {
            const call = this.record(event, context, failWhen);
            if (call.failed) {
                throw new Error(`Failing on purpose for event ${call.sequenceNumber} of ${call.eventSourceId}`);
            }
        };
    }

    /** Waits until a successful call matches. */
    async waitFor(matches: (call: HandledEvent) => boolean, description: string, timeoutMilliseconds = 20_000): Promise<void> {
        await waitUntil(() => this.succeeded.some(matches), description, timeoutMilliseconds);
    }
}
