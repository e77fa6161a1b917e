import type { dolittle } from '@dolittle-typescript/protocol';
import type { ReverseCallProtocol } from '../reverseCalls/index.js';
import { projectionFailureIds } from './failures.js';

type Processing = typeof dolittle.runtime.events.processing;
type ClientMessage = InstanceType<Processing['ProjectionClientToRuntimeMessage']>;
type RuntimeMessage = dolittle.runtime.events.processing.ProjectionRuntimeToClientMessage.$Properties;

/** What a head sends to register a projection. */
export type ProjectionRegistrationRequest = dolittle.runtime.events.processing.ProjectionRegistrationRequest;
/** What the Runtime asks a projection about one event. */
export type ProjectionRequest = dolittle.runtime.events.processing.ProjectionRequest.$Properties;
/** A head's answer: replace, delete, or a failure. */
export type ProjectionResponse = dolittle.runtime.events.processing.ProjectionResponse;

/** How the reverse-call engine reads and writes the Projections/Connect messages. */
export const projectionsProtocol: ReverseCallProtocol<ClientMessage, RuntimeMessage, ProjectionRegistrationRequest, ProjectionRequest, ProjectionResponse> = {
    kind: 'Projections',
    connectFailureId: projectionFailureIds.failedToRegisterProjection,
    connectArgumentsOf: (message) => message.registrationRequest as ProjectionRegistrationRequest | null | undefined,
    argumentsContextOf: (registration) => registration.callContext,
    responseOf: (message) => message.handleResult as ProjectionResponse | null | undefined,
    responseContextOf: (response) => response.callContext,
    connectResponse: (failure) => ({ registrationResponse: failure === undefined ? {} : { failure } }),
    request: (request, callContext) => ({ handleRequest: { ...request, callContext } }),
    ping: () => ({ ping: {} }),
};
