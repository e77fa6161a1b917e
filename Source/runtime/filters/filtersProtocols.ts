import type { dolittle } from '@dolittle-typescript/protocol';
import type { ReverseCallProtocol } from '../reverseCalls/index.js';
import { filterFailureIds } from './failures.js';

type Wire = typeof dolittle.runtime.events.processing;
type RuntimeMessage = dolittle.runtime.events.processing.FilterRuntimeToClientMessage.$Properties;
type Request = dolittle.runtime.events.processing.FilterEventRequest.$Properties;

/** The request the Runtime sends a filter of any kind about one event. */
export type FilterRequest = Request;

/** What the connect arguments of every kind of filter hold (a public filter has no scope: it is always the default one). */
export type FilterRegistrationArguments = {
    readonly scopeId?: dolittle.protobuf.Uuid.$Properties | null;
    readonly filterId?: dolittle.protobuf.Uuid.$Properties | null;
};

const runtimeSide = {
    connectFailureId: filterFailureIds.failedToRegisterFilter,
    connectResponse: (failure: dolittle.protobuf.Failure.$Properties | undefined): RuntimeMessage => ({ registrationResponse: failure === undefined ? {} : { failure } }),
    request: (request: Request, callContext: dolittle.services.ReverseCallRequestContext.$Properties): RuntimeMessage => ({ filterRequest: { ...request, callContext } }),
    ping: (): RuntimeMessage => ({ ping: {} }),
};

/** How the reverse-call engine reads and writes the Filters/Connect messages (private, unpartitioned). */
export const filtersProtocol: ReverseCallProtocol<
    InstanceType<Wire['FilterClientToRuntimeMessage']>,
    RuntimeMessage,
    dolittle.runtime.events.processing.FilterRegistrationRequest,
    Request,
    dolittle.runtime.events.processing.FilterResponse
> = {
    kind: 'Filters',
    ...runtimeSide,
    connectArgumentsOf: (message) => message.registrationRequest as dolittle.runtime.events.processing.FilterRegistrationRequest | null | undefined,
    argumentsContextOf: (registration) => registration.callContext,
    responseOf: (message) => message.filterResult as dolittle.runtime.events.processing.FilterResponse | null | undefined,
    responseContextOf: (response) => response.callContext,
};

/** How the reverse-call engine reads and writes the Filters/ConnectPartitioned messages. */
export const partitionedFiltersProtocol: ReverseCallProtocol<
    InstanceType<Wire['PartitionedFilterClientToRuntimeMessage']>,
    RuntimeMessage,
    dolittle.runtime.events.processing.PartitionedFilterRegistrationRequest,
    Request,
    dolittle.runtime.events.processing.PartitionedFilterResponse
> = {
    kind: 'PartitionedFilters',
    ...runtimeSide,
    connectArgumentsOf: (message) => message.registrationRequest as dolittle.runtime.events.processing.PartitionedFilterRegistrationRequest | null | undefined,
    argumentsContextOf: (registration) => registration.callContext,
    responseOf: (message) => message.filterResult as dolittle.runtime.events.processing.PartitionedFilterResponse | null | undefined,
    responseContextOf: (response) => response.callContext,
};

/** How the reverse-call engine reads and writes the Filters/ConnectPublic messages. */
export const publicFiltersProtocol: ReverseCallProtocol<
    InstanceType<Wire['PublicFilterClientToRuntimeMessage']>,
    RuntimeMessage,
    dolittle.runtime.events.processing.PublicFilterRegistrationRequest,
    Request,
    dolittle.runtime.events.processing.PartitionedFilterResponse
> = {
    kind: 'PublicFilters',
    ...runtimeSide,
    connectArgumentsOf: (message) => message.registrationRequest as dolittle.runtime.events.processing.PublicFilterRegistrationRequest | null | undefined,
    argumentsContextOf: (registration) => registration.callContext,
    responseOf: (message) => message.filterResult as dolittle.runtime.events.processing.PartitionedFilterResponse | null | undefined,
    responseContextOf: (response) => response.callContext,
};
