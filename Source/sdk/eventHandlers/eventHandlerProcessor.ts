import { eventHandlersService, guidToUuid, type dolittle } from '@dolittle-typescript/protocol';
import { EventType } from '../artifacts/EventType.js';
import type { EventTypes } from '../artifacts/EventTypes.js';
import { CommittedEvent } from '../eventStore/CommittedEvent.js';
import type { Logger } from '../logging/Logger.js';
import { processingFailure } from '../processing/processingFailure.js';
import type { RequestHandler } from '../reverseCalls/ReverseCall.js';
import { readRuntimeMessage, type ReverseCallProtocol } from '../reverseCalls/ReverseCallProtocol.js';
import type { EventHandlerDefinition } from './EventHandlerDefinition.js';

const processing = 'dolittle.runtime.events.processing';
type ClientMessage = dolittle.runtime.events.processing.EventHandlerClientToRuntimeMessage.$Properties;
type ServerMessage = dolittle.runtime.events.processing.EventHandlerRuntimeToClientMessage;
type Request = dolittle.runtime.events.processing.HandleEventRequest.$Properties;
type Response = Omit<dolittle.runtime.events.processing.EventHandlerResponse.$Properties, 'callContext'>;

/** The event handlers' reverse call (`EventHandlers/Connect`) for one event handler definition. */
export function eventHandlerProtocol(definition: EventHandlerDefinition): ReverseCallProtocol<ClientMessage, ServerMessage, Request, Response> {
    const registration = {
        scopeId: guidToUuid(definition.scopeId.value),
        eventHandlerId: guidToUuid(definition.id.value),
        types: definition.handlers.map((handler) => handler.eventType.toWire()),
        partitioned: definition.partitioned,
    };
    return {
        kind: 'event handler',
        method: eventHandlersService.connect,
        register: (callContext) => ({ registrationRequest: { callContext, ...registration } }),
        read: (message) => readRuntimeMessage(message, message.handleRequest),
        respond: (callContext, response) => ({ handleResult: { callContext, ...response } }),
        pong: () => ({ pong: {} }),
    };
}

/**
 * Handles one HandleEventRequest: turns the event into the registered class's shape, calls the method for its type and
 * answers; when the method throws (or the type has no method), answers with a failure the Runtime retries.
 */
export function eventHandlerRequestHandler(definition: EventHandlerDefinition, eventTypes: EventTypes, logger: Logger): RequestHandler<Request, Response> {
    const methods = new Map(definition.handlers.map((handler) => [handler.eventType.key, handler.handle]));
    const name = definition.alias ?? definition.id.value;
    return async (request) => {
        try {
            const wireEvent = request.event?.event;
            if (wireEvent === null || wireEvent === undefined) {
                throw new Error(`The Runtime sent event handler ${name} a request without an event (in ${processing})`);
            }
            const eventType = EventType.fromWire(wireEvent.type);
            const handle = methods.get(eventType.key);
            if (handle === undefined) {
                throw new Error(`Event handler ${name} has no method for event type ${eventType.key}: add a @handles method for it`);
            }
            let event: CommittedEvent;
            try {
                event = CommittedEvent.fromWire(wireEvent, eventTypes);
            } catch (error) {
                const type = eventTypes.classFor(eventType)?.name ?? 'a plain object';
                throw new Error(`Event handler ${name} cannot read event ${String(wireEvent.eventLogSequenceNumber)} of type ${eventType.key} as ${type}: ${error instanceof Error ? error.message : String(error)}. Its content must be the JSON of the event type's class`, { cause: error });
            }
            logger.trace?.('Handling an event', { sequenceNumber: event.eventLogSequenceNumber, eventType: eventType.key });
            await handle(event.content, event.context);
            return {};
        } catch (error) {
            return { failure: processingFailure(error, request.retryProcessingState, logger, `Event handler ${name} handling an event`) };
        }
    };
}
