import { guidToUuid, type dolittle } from '@dolittle-typescript/protocol';
import type { Guid } from '../guids/index.js';
import { ReverseCallRequestTimedOut } from '../reverseCalls/index.js';
import { failedOutcome, unansweredOutcome, type EventProcessor, type ProcessingOutcome, type RetryState } from '../streamProcessors/index.js';
import type { StreamEvent } from '../streams/index.js';
import { committedEventToWire } from '../wire/index.js';
import type { EventHandlerRegistration } from './EventHandlerRegistration.js';

type HandleRequest = dolittle.runtime.events.processing.HandleEventRequest.$Properties;
type HandleResponse = dolittle.runtime.events.processing.EventHandlerResponse;

/** Sends one request to the head over its reverse call and resolves with its response. */
export type CallHead = (request: HandleRequest, tenantId: Guid, signal: AbortSignal) => Promise<HandleResponse>;

/** Processes an event handler's stream for one tenant by asking the head to handle each event. */
export class HeadEventHandler implements EventProcessor {
    readonly #registration: EventHandlerRegistration;
    readonly #tenantId: Guid;
    readonly #callHead: CallHead;

    /** Creates the processor for one tenant of a registered event handler. */
    constructor(registration: EventHandlerRegistration, tenantId: Guid, callHead: CallHead) {
        this.#registration = registration;
        this.#tenantId = tenantId;
        this.#callHead = callHead;
    }

    /**
     * Asks the head to handle the event; its failure (with the retry it asks for) becomes the outcome, and so does
     * a request the head did not answer within the request timeout (a failed attempt, retried).
     */
    async process(event: StreamEvent, retry: RetryState | undefined, signal: AbortSignal): Promise<ProcessingOutcome> {
        const request: HandleRequest = {
            event: {
                event: committedEventToWire(event.event),
                partitionId: guidToUuid(event.partition),
                scopeId: guidToUuid(this.#registration.scope),
                partitioned: this.#registration.partitioned,
            },
            ...(retry === undefined ? {} : { retryProcessingState: { failureReason: retry.reason, retryCount: retry.attempts } }),
        };
        let response: HandleResponse;
        try {
            response = await this.#callHead(request, this.#tenantId, signal);
        } catch (error) {
            if (error instanceof ReverseCallRequestTimedOut) {
                return unansweredOutcome(error.timeoutMilliseconds);
            }
            throw error;
        }
        const failure = response.failure;
        if (failure === null || failure === undefined) {
            return { succeeded: true };
        }
        return failedOutcome(failure);
    }
}
