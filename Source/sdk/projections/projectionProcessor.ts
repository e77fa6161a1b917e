import { dolittle, guidToUuid, projectionsService } from '@dolittle-typescript/protocol';
import { EventType } from '../artifacts/EventType.js';
import type { EventTypes } from '../artifacts/EventTypes.js';
import type { Class } from '../decorators/decoratorCall.js';
import { CommittedEvent } from '../eventStore/CommittedEvent.js';
import type { Logger } from '../logging/Logger.js';
import { processingFailure } from '../processing/processingFailure.js';
import type { RequestHandler } from '../reverseCalls/ReverseCall.js';
import { readRuntimeMessage, type ReverseCallProtocol } from '../reverseCalls/ReverseCallProtocol.js';
import { Key } from './Key.js';
import { ProjectionContext } from './ProjectionContext.js';
import type { ProjectionDefinition } from './ProjectionDefinition.js';
import { DeleteReadModelInstance } from './ProjectionResult.js';

type ClientMessage = dolittle.runtime.events.processing.ProjectionClientToRuntimeMessage.$Properties;
type ServerMessage = dolittle.runtime.events.processing.ProjectionRuntimeToClientMessage;
type Request = dolittle.runtime.events.processing.ProjectionRequest.$Properties;
type Response = Omit<dolittle.runtime.events.processing.ProjectionResponse.$Properties, 'callContext'>;

/** The projections' reverse call (`Projections/Connect`) for one projection definition. */
export function projectionProtocol(definition: ProjectionDefinition): ReverseCallProtocol<ClientMessage, ServerMessage, Request, Response> {
    const registration = {
        scopeId: guidToUuid(definition.scopeId.value),
        projectionId: guidToUuid(definition.id.value),
        events: definition.handlers.map((handler) => ({ eventType: handler.eventType.toWire(), ...handler.keySelector.toWire() })),
        initialState: definition.initialState,
    };
    return {
        kind: 'projection',
        method: projectionsService.connect,
        register: (callContext) => ({ registrationRequest: { callContext, ...registration } }),
        read: (message) => readRuntimeMessage(message, message.handleRequest),
        respond: (callContext, response) => ({ handleResult: { callContext, ...response } }),
        pong: () => ({ pong: {} }),
    };
}

/** A read model from its JSON: an object of the read model class when there is one (its constructor is not run). */
export function readModelFrom(state: string, type: Class | undefined): unknown {
    const parsed = JSON.parse(state) as unknown;
    if (type === undefined || typeof parsed !== 'object' || parsed === null) {
        return parsed;
    }
    return Object.assign(Object.create(type.prototype as object) as object, parsed);
}

/**
 * Handles one ProjectionRequest: the read model of the key (the initial state, or as persisted) and the event go to the
 * callback for the event's type; its answer becomes the new state, or deletes the read model. A throw is a failure the
 * Runtime retries, with the read model untouched.
 */
export function projectionRequestHandler(definition: ProjectionDefinition, eventTypes: EventTypes, logger: Logger): RequestHandler<Request, Response> {
    const callbacks = new Map(definition.handlers.map((handler) => [handler.eventType.key, handler.project]));
    const name = definition.readModelType?.name || definition.id.value;
    return async (request) => {
        try {
            const wireEvent = request.event?.event;
            const current = request.currentState;
            if (wireEvent === null || wireEvent === undefined || current === null || current === undefined) {
                throw new Error(`The Runtime sent projection ${name} a request without an event or a current state`);
            }
            const eventType = EventType.fromWire(wireEvent.type);
            const project = callbacks.get(eventType.key);
            if (project === undefined) {
                throw new Error(`Projection ${name} has no callback for event type ${eventType.key}: add an @on method for it`);
            }
            const event = CommittedEvent.fromWire(wireEvent, eventTypes);
            const createdFromInitialState = current.type === dolittle.runtime.projections.ProjectionCurrentStateType.CREATED_FROM_INITIAL_STATE;
            const readModel = readModelFrom(current.state ?? 'null', definition.readModelType);
            const answer = await project(readModel, event.content, new ProjectionContext(createdFromInitialState, Key.from(current.key ?? ''), event.context));
            if (answer instanceof DeleteReadModelInstance) {
                return { delete: {} };
            }
            return { replace: { state: JSON.stringify(answer) } };
        } catch (error) {
            return { failure: processingFailure(error, request.retryProcessingState, logger, `Projection ${name} projecting an event`) };
        }
    };
}
