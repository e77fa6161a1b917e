import { dolittle, embeddingsService, guidToUuid, uuidToGuid } from '@dolittle-typescript/protocol';
import { EventType } from '../artifacts/EventType.js';
import type { EventTypes } from '../artifacts/EventTypes.js';
import { EventSourceId } from '../eventStore/EventSourceId.js';
import { ExecutionContext } from '../execution/ExecutionContext.js';
import type { Logger } from '../logging/Logger.js';
import { Key } from '../projections/Key.js';
import { readModelFrom } from '../projections/projectionProcessor.js';
import { DeleteReadModelInstance } from '../projections/ProjectionResult.js';
import type { RequestHandler } from '../reverseCalls/ReverseCall.js';
import { readRuntimeMessage, type ReverseCallProtocol } from '../reverseCalls/ReverseCallProtocol.js';
import { EmbeddingContext, EmbeddingProjectContext } from './EmbeddingContext.js';
import type { EmbeddingDefinition } from './EmbeddingDefinition.js';

type ClientMessage = dolittle.runtime.embeddings.EmbeddingClientToRuntimeMessage.$Properties;
type ServerMessage = dolittle.runtime.embeddings.EmbeddingRuntimeToClientMessage;
type Request = dolittle.runtime.embeddings.EmbeddingRequest.$Properties;
type Response = Omit<dolittle.runtime.embeddings.EmbeddingResponse.$Properties, 'callContext'>;
type WireCurrentState = dolittle.runtime.projections.ProjectionCurrentState.$Properties;
type WireUncommittedEvent = dolittle.runtime.events.UncommittedEvent.$Properties;

/** The embeddings' reverse call (`Embeddings/Connect`) for one embedding definition. */
export function embeddingProtocol(definition: EmbeddingDefinition): ReverseCallProtocol<ClientMessage, ServerMessage, Request, Response> {
    const registration = {
        embeddingId: guidToUuid(definition.id.value),
        events: definition.handlers.map((handler) => handler.eventType.toWire()),
        initialState: definition.initialState,
    };
    return {
        kind: 'embedding',
        method: embeddingsService.connect,
        register: (callContext) => ({ registrationRequest: { callContext, ...registration } }),
        read: (message) => readRuntimeMessage(message, message.handleRequest),
        respond: (callContext, response) => ({ handleResult: { callContext, ...response } }),
        pong: () => ({ pong: {} }),
    };
}

/**
 * Handles one EmbeddingRequest: a compare (resolve a wanted state into events), a delete (resolve a deletion into
 * events) or a projection of one of those events onto the state. A throw answers a failure, which ends the update or
 * delete call that caused it with the reason.
 */
export function embeddingRequestHandler(definition: EmbeddingDefinition, eventTypes: EventTypes, logger: Logger): RequestHandler<Request, Response> {
    const callbacks = new Map(definition.handlers.map((handler) => [handler.eventType.key, handler.project]));
    const name = definition.readModelType?.name || definition.id.value;
    const toEvents = (answer: unknown, what: string): WireUncommittedEvent[] => (Array.isArray(answer) ? answer as unknown[] : [answer]).map((event) => {
        if (event === undefined || event === null) {
            throw new Error(`Embedding ${name}'s ${what} returned no event: return an event object of a registered event type (or an array of them)`);
        }
        return { artifact: eventTypes.ofEvent(event).toWire(), public: false, content: JSON.stringify(event) };
    });
    const stateOf = (current: WireCurrentState | null | undefined) => {
        if (current === null || current === undefined) {
            throw new Error(`The Runtime sent embedding ${name} a request without the current state`);
        }
        const createdFromInitialState = current.type !== dolittle.runtime.projections.ProjectionCurrentStateType.PERSISTED;
        return { createdFromInitialState, key: Key.from(current.key ?? ''), state: readModelFrom(current.state ?? 'null', definition.readModelType) };
    };
    return async (request) => {
        try {
            const executionContext = ExecutionContext.fromWire(request.callContext?.executionContext);
            if (request.compare) {
                const current = stateOf(request.compare.projectionState);
                const wanted = readModelFrom(request.compare.entityState ?? 'null', definition.readModelType);
                const answer = await definition.resolveUpdate(wanted, current.state, new EmbeddingContext(current.createdFromInitialState, current.key, false, executionContext));
                return { compare: { events: toEvents(answer, 'update resolver') } };
            }
            if (request.delete) {
                const current = stateOf(request.delete.projectionState);
                const answer = await definition.resolveDeletion(current.state, new EmbeddingContext(current.createdFromInitialState, current.key, true, executionContext));
                return { delete: { events: toEvents(answer, 'deletion resolver') } };
            }
            if (request.projection) {
                const current = stateOf(request.projection.currentState);
                const wireEvent = request.projection.event;
                if (wireEvent === null || wireEvent === undefined) {
                    throw new Error(`The Runtime sent embedding ${name} a projection request without an event`);
                }
                const eventType = EventType.fromWire(wireEvent.artifact);
                const project = callbacks.get(eventType.key);
                if (project === undefined) {
                    throw new Error(`Embedding ${name} has no @on method for event type ${eventType.key}: add one`);
                }
                const event = eventTypes.eventFrom(wireEvent.content ?? 'null', eventType);
                const context = new EmbeddingProjectContext(current.createdFromInitialState, current.key, EventSourceId.from(uuidToGuid(wireEvent.eventSourceId)), executionContext);
                const answer = await project(current.state, event, context);
                return answer instanceof DeleteReadModelInstance ? { projectionDelete: {} } : { projectionReplace: { state: JSON.stringify(answer) } };
            }
            throw new Error(`The Runtime sent embedding ${name} a request that is neither a compare, a delete nor a projection`);
        } catch (error) {
            const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
            logger.warn(`Embedding ${name} failed to answer the Runtime`, { reason });
            return { failure: { reason } };
        }
    };
}
