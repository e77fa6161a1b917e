import { dolittle, guidToUuid } from '@dolittle-typescript/protocol';
import type { Artifact } from '../artifacts/index.js';
import type { Guid } from '../guids/index.js';
import { ReverseCallRequestTimedOut } from '../reverseCalls/index.js';
import { guidFromWire } from '../wire/index.js';
import type { EmbeddingRequest, EmbeddingResponse } from './embeddingsProtocol.js';
import { isJson, isJsonObject } from './jsonText.js';

/** A key's state as the head is shown it: stored (persisted), or the initial state of a key with none. */
export type EmbeddingCurrentState = { readonly key: string; readonly state: string; readonly persisted: boolean };

/** An event the head asked to commit to the key's aggregate. */
export type EmbeddingEvent = { readonly type: Artifact; readonly public: boolean; readonly content: string };

/** What the head answered, or why its answer cannot be used. */
export type HeadAnswer<Value> = { readonly answered: true; readonly value: Value } | { readonly answered: false; readonly reason: string };

/** A projected state: the key's next state, or undefined when the event removed it. */
export type ProjectedState = { readonly state: string | undefined };

/** The questions the Runtime asks an embedding's head (reference 7): compare, delete and project. */
export interface EmbeddingHead {
    /** The events that take the current state to the desired one. */
    compare(current: EmbeddingCurrentState, desired: string): Promise<HeadAnswer<ReadonlyArray<EmbeddingEvent>>>;
    /** The events that remove the current state. */
    delete(current: EmbeddingCurrentState): Promise<HeadAnswer<ReadonlyArray<EmbeddingEvent>>>;
    /** The state after one event. */
    project(current: EmbeddingCurrentState, event: EmbeddingEvent, eventSourceId: Guid): Promise<HeadAnswer<ProjectedState>>;
}

/** Sends one embedding request to the head over its reverse call and resolves with its answer. */
export type AskEmbeddingHead = (request: EmbeddingRequest, signal: AbortSignal) => Promise<EmbeddingResponse>;

const stateType = dolittle.runtime.projections.ProjectionCurrentStateType;

/**
 * The head of an embedding over its reverse call. An answer of the wrong kind, with neither an answer nor a failure,
 * with events that are not well formed, or a projected state that is not JSON, is a reason, never an exception; so is
 * a head that does not answer in time. The head's own failure (SDK 17 sends `failure`, never `processorFailure`) is
 * the reason as the head wrote it.
 */
export function embeddingHeadOver(ask: AskEmbeddingHead, signal: AbortSignal): EmbeddingHead {
    const answerOf = async <Value>(request: EmbeddingRequest, question: string, read: (response: EmbeddingResponse) => HeadAnswer<Value> | undefined): Promise<HeadAnswer<Value>> => {
        let response: EmbeddingResponse;
        try {
            response = await ask(request, signal);
        } catch (error) {
            if (error instanceof ReverseCallRequestTimedOut) {
                return { answered: false, reason: `the head did not answer the ${question} request within ${error.timeoutMilliseconds} ms` };
            }
            throw error;
        }
        const failure = response.failure ?? response.processorFailure;
        if (failure !== null && failure !== undefined) {
            return { answered: false, reason: `the head failed the ${question} request: ${failure.reason ?? '(no reason)'}` };
        }
        const answer = read(response);
        if (answer !== undefined) {
            return answer;
        }
        const answered = response.compare !== null && response.compare !== undefined ? 'compare events'
            : response.delete !== null && response.delete !== undefined ? 'delete events'
            : response.projectionReplace !== null && response.projectionReplace !== undefined ? 'a projected state'
            : response.projectionDelete !== null && response.projectionDelete !== undefined ? 'a projection delete'
            : 'neither an answer nor a failure';
        return { answered: false, reason: `the head answered the ${question} request with ${answered}` };
    };
    const currentToWire = (current: EmbeddingCurrentState) => ({
        type: current.persisted ? stateType.PERSISTED : stateType.CREATED_FROM_INITIAL_STATE,
        key: current.key,
        state: current.state,
    });
    return {
        compare: (current, desired) =>
            answerOf({ compare: { projectionState: currentToWire(current), entityState: desired } }, 'compare', (response) =>
                response.compare === null || response.compare === undefined ? undefined : eventsFromWire(response.compare.events ?? [], 'compare')),
        delete: (current) =>
            answerOf({ delete: { projectionState: currentToWire(current) } }, 'delete', (response) =>
                response.delete === null || response.delete === undefined ? undefined : eventsFromWire(response.delete.events ?? [], 'delete')),
        project: (current, event, eventSourceId) =>
            answerOf(
                {
                    projection: {
                        currentState: currentToWire(current),
                        event: { artifact: { id: guidToUuid(event.type.id), generation: event.type.generation }, eventSourceId: guidToUuid(eventSourceId), public: event.public, content: event.content },
                    },
                },
                'projection',
                (response): HeadAnswer<ProjectedState> | undefined => {
                    if (response.projectionDelete !== null && response.projectionDelete !== undefined) {
                        return { answered: true, value: { state: undefined } };
                    }
                    if (response.projectionReplace === null || response.projectionReplace === undefined) {
                        return undefined;
                    }
                    const state = response.projectionReplace.state ?? '';
                    return isJson(state) ? { answered: true, value: { state } } : { answered: false, reason: `the head projected a state that is not JSON: ${state.slice(0, 100)}` };
                },
            ),
    };
}

function eventsFromWire(events: ReadonlyArray<dolittle.runtime.events.UncommittedEvent.$Properties>, question: string): HeadAnswer<ReadonlyArray<EmbeddingEvent>> {
    const read: EmbeddingEvent[] = [];
    for (const [index, event] of events.entries()) {
        let type: Guid;
        try {
            type = guidFromWire(event.artifact?.id, `${question}.events[${index}].artifact.id`);
        } catch (error) {
            return { answered: false, reason: `the head's ${question} answer has a malformed event: ${error instanceof Error ? error.message : String(error)}` };
        }
        const content = event.content ?? '';
        if (!isJsonObject(content)) {
            return { answered: false, reason: `the head's ${question} answer has event ${index} (type ${type}) whose content is not a JSON object: ${content.slice(0, 100)}` };
        }
        read.push({ type: { id: type, generation: event.artifact?.generation ?? 0 }, public: event.public ?? false, content });
    }
    return { answered: true, value: read };
}
