import { filtersService, guidToUuid, type dolittle } from '@dolittle-typescript/protocol';
import type { EventTypes } from '../artifacts/EventTypes.js';
import { CommittedEvent } from '../eventStore/CommittedEvent.js';
import type { Logger } from '../logging/Logger.js';
import { processingFailure } from '../processing/processingFailure.js';
import type { RequestHandler } from '../reverseCalls/ReverseCall.js';
import { readRuntimeMessage, type ReverseCallProtocol, type RuntimeMessage } from '../reverseCalls/ReverseCallProtocol.js';
import type { FilterDefinition } from './FilterDefinition.js';
import { PartitionedFilterResult } from './PartitionedFilterResult.js';

type ServerMessage = dolittle.runtime.events.processing.FilterRuntimeToClientMessage;
type Request = dolittle.runtime.events.processing.FilterEventRequest.$Properties;
type FilterResponse = Omit<dolittle.runtime.events.processing.PartitionedFilterResponse.$Properties, 'callContext'>;
type AnyFilterProtocol = ReverseCallProtocol<never, ServerMessage, Request, FilterResponse>;

function read(message: ServerMessage): RuntimeMessage<Request> {
    return readRuntimeMessage(message, message.filterRequest);
}

type FilterProtocolOf<ClientMessage> = ReverseCallProtocol<ClientMessage, ServerMessage, Request, FilterResponse>;
type WireProcessing = typeof dolittle.runtime.events.processing;
type UnpartitionedMessage = ConstructorParameters<WireProcessing['FilterClientToRuntimeMessage']>[0];
type PartitionedMessage = ConstructorParameters<WireProcessing['PartitionedFilterClientToRuntimeMessage']>[0];
type PublicMessage = ConstructorParameters<WireProcessing['PublicFilterClientToRuntimeMessage']>[0];

/**
 * The reverse call of a filter: `Filters/Connect`, `ConnectPartitioned` or `ConnectPublic` by its kind. The three
 * differ only in their client messages, which the engine never reads, so they share one type for the engine.
 */
export function filterProtocol(definition: FilterDefinition): AnyFilterProtocol {
    const filterId = guidToUuid(definition.id.value);
    const pong = () => ({ pong: {} });
    switch (definition.kind) {
        case 'unpartitioned': {
            const protocol: FilterProtocolOf<NonNullable<UnpartitionedMessage>> = {
                kind: 'filter',
                method: filtersService.connect,
                register: (callContext) => ({ registrationRequest: { callContext, scopeId: guidToUuid(definition.scopeId.value), filterId } }),
                read,
                respond: (callContext, response) => ({ filterResult: { callContext, isIncluded: response.isIncluded ?? false, ...(response.failure ? { failure: response.failure } : {}) } }),
                pong,
            };
            return protocol as unknown as AnyFilterProtocol;
        }
        case 'partitioned': {
            const protocol: FilterProtocolOf<NonNullable<PartitionedMessage>> = {
                kind: 'partitioned filter',
                method: filtersService.connectPartitioned,
                register: (callContext) => ({ registrationRequest: { callContext, scopeId: guidToUuid(definition.scopeId.value), filterId } }),
                read,
                respond: (callContext, response) => ({ filterResult: { callContext, ...response } }),
                pong,
            };
            return protocol as unknown as AnyFilterProtocol;
        }
        case 'public': {
            const protocol: FilterProtocolOf<NonNullable<PublicMessage>> = {
                kind: 'public filter',
                method: filtersService.connectPublic,
                register: (callContext) => ({ registrationRequest: { callContext, filterId } }),
                read,
                respond: (callContext, response) => ({ filterResult: { callContext, ...response } }),
                pong,
            };
            return protocol as unknown as AnyFilterProtocol;
        }
    }
}

/** Handles one FilterEventRequest: calls the filter's callback and answers whether (and where) the event goes; a throw becomes a retried failure. */
export function filterRequestHandler(definition: FilterDefinition, eventTypes: EventTypes, logger: Logger): RequestHandler<Request, FilterResponse> {
    return async (request) => {
        try {
            if (request.event === null || request.event === undefined) {
                throw new Error(`The Runtime sent filter ${definition.id.value} a request without an event`);
            }
            const event = CommittedEvent.fromWire(request.event, eventTypes);
            if (definition.kind === 'unpartitioned') {
                const included = await definition.callback(event.content, event.context);
                return { isIncluded: included === true };
            }
            const result = await definition.callback(event.content, event.context);
            if (!(result instanceof PartitionedFilterResult)) {
                throw new TypeError(`The callback of ${definition.kind} filter ${definition.id.value} returned ${String(result)}: return new PartitionedFilterResult(shouldInclude, partitionId)`);
            }
            return { isIncluded: result.shouldInclude, partitionId: guidToUuid(result.partitionId.value) };
        } catch (error) {
            return { isIncluded: false, failure: processingFailure(error, request.retryProcessingState, logger, `Filter ${definition.id.value} filtering an event`) };
        }
    };
}
