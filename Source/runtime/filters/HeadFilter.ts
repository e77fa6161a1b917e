import { guidToUuid, type dolittle } from '@dolittle-typescript/protocol';
import { emptyGuid, type Guid } from '../guids/index.js';
import { ReverseCallRequestTimedOut } from '../reverseCalls/index.js';
import { failedOutcome, unansweredOutcome, type EventProcessor, type ProcessingOutcome, type RetryState } from '../streamProcessors/index.js';
import type { StreamEvent } from '../streams/index.js';
import { committedEventToWire, guidFromWire } from '../wire/index.js';
import type { FilterRegistration } from './FilterRegistration.js';

type FilterRequest = dolittle.runtime.events.processing.FilterEventRequest.$Properties;

/** A head's answer to a filter request, whichever kind of filter asked. */
export type FilterAnswer = {
    readonly isIncluded?: boolean | null;
    readonly partitionId?: dolittle.protobuf.Uuid.$Properties | null;
    readonly failure?: dolittle.runtime.events.processing.ProcessorFailure.$Properties | null;
};

/** Sends one filter request to the head over its reverse call and resolves with its answer. */
export type AskHead = (request: FilterRequest, tenantId: Guid, signal: AbortSignal) => Promise<FilterAnswer>;

/**
 * Filters a scope's event log for one tenant by asking the head about each event; the chosen events go to the
 * filter's stream. A public filter is only asked about public events: the others are never included.
 */
export class HeadFilter implements EventProcessor {
    readonly #registration: FilterRegistration;
    readonly #tenantId: Guid;
    readonly #askHead: AskHead;

    /** Creates the processor for one tenant of a registered filter. */
    constructor(registration: FilterRegistration, tenantId: Guid, askHead: AskHead) {
        this.#registration = registration;
        this.#tenantId = tenantId;
        this.#askHead = askHead;
    }

    /** Asks the head whether (and in which partition) the event belongs to the filter's stream; an unanswered request is a failed attempt. */
    async process(event: StreamEvent, retry: RetryState | undefined, signal: AbortSignal): Promise<ProcessingOutcome> {
        const kind = this.#registration.kind;
        if (kind === 'public' && !event.event.public) {
            return { succeeded: true };
        }
        let answer: FilterAnswer;
        try {
            answer = await this.#askHead(
                {
                    event: committedEventToWire(event.event),
                    scopeId: guidToUuid(this.#registration.scope),
                    ...(retry === undefined ? {} : { retryProcessingState: { failureReason: retry.reason, retryCount: retry.attempts } }),
                },
                this.#tenantId,
                signal,
            );
        } catch (error) {
            if (error instanceof ReverseCallRequestTimedOut) {
                return unansweredOutcome(error.timeoutMilliseconds);
            }
            throw error;
        }
        const failure = answer.failure;
        if (failure !== null && failure !== undefined) {
            return failedOutcome(failure);
        }
        if (answer.isIncluded !== true) {
            return { succeeded: true };
        }
        if (kind === 'unpartitioned') {
            return { succeeded: true, output: { partition: emptyGuid, event: event.event } };
        }
        try {
            return { succeeded: true, output: { partition: guidFromWire(answer.partitionId, 'filterResult.partitionId'), event: event.event } };
        } catch (error) {
            return failedOutcome({ reason: error instanceof Error ? error.message : String(error), retry: true });
        }
    }
}
