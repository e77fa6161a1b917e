import { dolittle, guidToUuid } from '@dolittle-typescript/protocol';
import { emptyGuid, type Guid } from '../guids/index.js';
import { ReverseCallRequestTimedOut } from '../reverseCalls/index.js';
import { failedOutcome, unansweredOutcome, type RetryState } from '../streamProcessors/index.js';
import type { StreamEvent } from '../streams/index.js';
import { committedEventToWire } from '../wire/index.js';
import type { ProjectionRequest, ProjectionResponse } from './projectionsProtocol.js';

/** Sends one projection request to the head over its reverse call and resolves with its answer. */
export type AskHead = (request: ProjectionRequest, signal: AbortSignal) => Promise<ProjectionResponse>;

/** A read model's state as the head is shown it: stored, or the initial state of a key no event has changed. */
export type CurrentState = { readonly key: string; readonly state: string; readonly persisted: boolean };

/** What the head made of an event: the read model's next state, its deletion, or a failure with the retry it asks for. */
export type ProjectionOutcome =
    | { readonly succeeded: true; readonly state: string }
    | { readonly succeeded: true; readonly state: undefined }
    | { readonly succeeded: false; readonly reason: string; readonly retry: boolean; readonly retryTimeout: number };

/** When the head's answer is unusable, how long before it is asked again (as when it asks to retry without a timeout). */
const retryTimeoutOfUnusableAnswer = 5_000;

/**
 * Asks the head to project one event onto a read model's current state (reference 6.2). A replace whose state is not
 * JSON, and an answer with neither replace, delete nor failure, are failures that are retried: nothing is stored.
 */
export async function askHeadToProject(askHead: AskHead, scope: Guid, event: StreamEvent, current: CurrentState, retry: RetryState | undefined, signal: AbortSignal): Promise<ProjectionOutcome> {
    const request: ProjectionRequest = {
        currentState: {
            type: current.persisted ? dolittle.runtime.projections.ProjectionCurrentStateType.PERSISTED : dolittle.runtime.projections.ProjectionCurrentStateType.CREATED_FROM_INITIAL_STATE,
            key: current.key,
            state: current.state,
        },
        event: { event: committedEventToWire(event.event), partitionId: guidToUuid(emptyGuid), scopeId: guidToUuid(scope) },
        ...(retry === undefined ? {} : { retryProcessingState: { failureReason: retry.reason, retryCount: retry.attempts } }),
    };
    let response: ProjectionResponse;
    try {
        response = await askHead(request, signal);
    } catch (error) {
        if (error instanceof ReverseCallRequestTimedOut) {
            return unansweredOutcome(error.timeoutMilliseconds);
        }
        throw error;
    }
    if (response.failure !== null && response.failure !== undefined) {
        return failedOutcome(response.failure);
    }
    if (response.replace !== null && response.replace !== undefined) {
        const state = response.replace.state ?? '';
        if (!isJson(state)) {
            return unusable(`The head answered event ${event.event.sequenceNumber} for key '${current.key}' with a state that is not JSON: ${state.slice(0, 100)}`);
        }
        return { succeeded: true, state };
    }
    if (response.delete !== null && response.delete !== undefined) {
        return { succeeded: true, state: undefined };
    }
    return unusable(`The head answered event ${event.event.sequenceNumber} for key '${current.key}' with neither a replace, a delete nor a failure`);
}

function unusable(reason: string): ProjectionOutcome {
    return { succeeded: false, reason, retry: true, retryTimeout: retryTimeoutOfUnusableAnswer };
}

function isJson(text: string): boolean {
    try {
        JSON.parse(text);
        return true;
    } catch {
        return false;
    }
}
