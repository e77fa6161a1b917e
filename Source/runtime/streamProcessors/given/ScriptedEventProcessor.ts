import type { Guid } from '../../guids/index.js';
import type { StreamEvent } from '../../streams/index.js';
import type { EventProcessor, ProcessingOutcome, RetryState } from '../EventProcessor.js';
import { processingOutcomes } from './processingOutcomes.js';

/** One request the head got: which event, in which partition, with which retry state, and when. */
export type ProcessingCall = {
    readonly position: number;
    readonly partition: Guid;
    readonly sequenceNumber: number;
    readonly eventSourceId: Guid;
    readonly retry: RetryState | undefined;
    /** When the call arrived, in milliseconds since the epoch. */
    readonly at: number;
};

/** Decides a call's outcome; `attempt` counts the calls for the same event so far, this one included (1 the first time). */
export type ProcessingScript = (event: StreamEvent, attempt: number, signal: AbortSignal) => ProcessingOutcome | Promise<ProcessingOutcome>;

/** A head for tests: records every call in order and answers as its script says (success unless told otherwise). */
export class ScriptedEventProcessor implements EventProcessor {
    readonly #calls: ProcessingCall[] = [];
    readonly #script: ProcessingScript;

    /** Creates the head with the script that answers its calls. */
    constructor(script: ProcessingScript = () => processingOutcomes.succeeded) {
        this.#script = script;
    }

    /** Every call so far, oldest first (a call is recorded as it arrives, before it is answered). */
    get calls(): ReadonlyArray<ProcessingCall> {
        return this.#calls;
    }

    /** The event log sequence numbers of the calls, in order. */
    get sequenceNumbers(): ReadonlyArray<number> {
        return this.#calls.map((call) => call.sequenceNumber);
    }

    /** The calls for events of one event source, oldest first. */
    callsFrom(eventSourceId: Guid): ReadonlyArray<ProcessingCall> {
        return this.#calls.filter((call) => call.eventSourceId === eventSourceId);
    }

    async process(event: StreamEvent, retry: RetryState | undefined, signal: AbortSignal): Promise<ProcessingOutcome> {
        const { position, partition } = event;
        const { sequenceNumber, eventSourceId } = event.event;
        this.#calls.push({ position, partition, sequenceNumber, eventSourceId, retry, at: Date.now() });
        const attempt = this.#calls.filter((call) => call.sequenceNumber === sequenceNumber).length;
        return this.#script(event, attempt, signal);
    }
}
