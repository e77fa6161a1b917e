// The EventHandlers/Connect messages as the reverse-call tests drive them (the feature owns the real adapter).
import type { dolittle } from '@dolittle-typescript/protocol';
import type { Guid } from '../../guids/index.js';
import type { ReverseCallProtocol } from '../ReverseCallProtocol.js';

type Processing = typeof dolittle.runtime.events.processing;

/** The decoded message a head writes. */
export type ClientMessage = InstanceType<Processing['EventHandlerClientToRuntimeMessage']>;
/** The message the Runtime writes. */
export type RuntimeMessage = dolittle.runtime.events.processing.EventHandlerRuntimeToClientMessage.$Properties;
/** The request the tests send, without its call context. */
export type Request = Omit<dolittle.runtime.events.processing.HandleEventRequest.$Properties, 'callContext'>;
/** The head's answer. */
export type Response = dolittle.runtime.events.processing.EventHandlerResponse.$Properties;
/** The registration request. */
export type Registration = dolittle.runtime.events.processing.EventHandlerRegistrationRequest.$Properties;

/** The FailedToRegisterEventHandler id, which the engine writes when the connect arguments are missing. */
export const failedToRegisterEventHandler = 'dbfdfa15-e727-49f6-bed8-7a787954a4c6' as Guid;

/** How the engine reads and writes the EventHandlers/Connect messages in the tests. */
export const eventHandlersTestProtocol: ReverseCallProtocol<ClientMessage, RuntimeMessage, Registration, Request, Response> = {
    kind: 'EventHandlers',
    connectFailureId: failedToRegisterEventHandler,
    connectArgumentsOf: (message) => message.registrationRequest,
    argumentsContextOf: (registration) => registration.callContext,
    responseOf: (message) => message.handleResult,
    responseContextOf: (response) => response.callContext,
    connectResponse: (failure) => ({ registrationResponse: { failure } }),
    request: (request, callContext) => ({ handleRequest: { ...request, callContext } }),
    ping: () => ({ ping: {} }),
};
