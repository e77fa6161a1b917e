import type { dolittle } from '@dolittle-typescript/protocol';
import type { ReverseCallProtocol } from '../reverseCalls/index.js';
import { eventHandlerFailureIds } from './failures.js';

type Processing = typeof dolittle.runtime.events.processing;
type ClientMessage = InstanceType<Processing['EventHandlerClientToRuntimeMessage']>;
type RuntimeMessage = dolittle.runtime.events.processing.EventHandlerRuntimeToClientMessage.$Properties;
type Registration = dolittle.runtime.events.processing.EventHandlerRegistrationRequest;
type Request = dolittle.runtime.events.processing.HandleEventRequest.$Properties;
type Response = dolittle.runtime.events.processing.EventHandlerResponse;

/** How the reverse-call engine reads and writes the EventHandlers/Connect messages. */
export const eventHandlersProtocol: ReverseCallProtocol<ClientMessage, RuntimeMessage, Registration, Request, Response> = {
    kind: 'EventHandlers',
    connectFailureId: eventHandlerFailureIds.failedToRegisterEventHandler,
    connectArgumentsOf: (message) => message.registrationRequest as Registration | null | undefined,
    argumentsContextOf: (registration) => registration.callContext,
    responseOf: (message) => message.handleResult as Response | null | undefined,
    responseContextOf: (response) => response.callContext,
    connectResponse: (failure) => ({ registrationResponse: failure === undefined ? {} : { failure } }),
    request: (request, callContext) => ({ handleRequest: { ...request, callContext } }),
    ping: () => ({ ping: {} }),
};
