import type { dolittle } from '@dolittle-typescript/protocol';
import type { ReverseCallProtocol } from '../reverseCalls/index.js';
import { embeddingFailureIds } from './failures.js';

type Embeddings = typeof dolittle.runtime.embeddings;
type ClientMessage = InstanceType<Embeddings['EmbeddingClientToRuntimeMessage']>;
type RuntimeMessage = dolittle.runtime.embeddings.EmbeddingRuntimeToClientMessage.$Properties;

/** What a head sends to register an embedding. */
export type EmbeddingRegistrationRequest = dolittle.runtime.embeddings.EmbeddingRegistrationRequest;
/** What the Runtime asks an embedding: compare two states, delete a state, or project an event. */
export type EmbeddingRequest = dolittle.runtime.embeddings.EmbeddingRequest.$Properties;
/** A head's answer: events, a projected state or deletion, or a failure. */
export type EmbeddingResponse = dolittle.runtime.embeddings.EmbeddingResponse;

/** How the reverse-call engine reads and writes the Embeddings/Connect messages. */
export const embeddingsProtocol: ReverseCallProtocol<ClientMessage, RuntimeMessage, EmbeddingRegistrationRequest, EmbeddingRequest, EmbeddingResponse> = {
    kind: 'Embeddings',
    connectFailureId: embeddingFailureIds.failedToRegisterEmbedding,
    connectArgumentsOf: (message) => message.registrationRequest as EmbeddingRegistrationRequest | null | undefined,
    argumentsContextOf: (registration) => registration.callContext,
    responseOf: (message) => message.handleResult as EmbeddingResponse | null | undefined,
    responseContextOf: (response) => response.callContext,
    connectResponse: (failure) => ({ registrationResponse: failure === undefined ? {} : { failure } }),
    request: (request, callContext) => ({ handleRequest: { ...request, callContext } }),
    ping: () => ({ ping: {} }),
};
