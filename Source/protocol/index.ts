// The Dolittle wire protocol (Contracts 5.4.0): generated messages, gRPC service definitions and conversions.
export { dolittle, google, grpc } from './generated/protocol.js';
export {
    defineMethod,
    serviceNameOf,
    type MessageType,
    type MethodKind,
    type ProtocolMethod,
    type RequestOf,
    type RequestPropertiesOf,
    type ResponseOf,
    type ResponsePropertiesOf,
} from './ProtocolMethod.js';
export {
    embeddingStoreService,
    embeddingsService,
    eventHandlersService,
    eventHorizonConsumerService,
    eventHorizonSubscriptionsService,
    eventStoreService,
    filtersService,
    healthService,
    managementAggregatesService,
    managementEventHandlersService,
    managementEventLogService,
    managementEventTypesService,
    managementFailuresService,
    managementFiltersService,
    managementProjectionsService,
    managementSubscriptionsService,
    managementTenantsService,
    processorsService,
    projectionStoreService,
    projectionsService,
} from './services.js';
export { emptyGuidText, uuidToGuid } from './uuidToGuid.js';
export { guidToUuid, type WireUuid } from './guidToUuid.js';
export { UuidIsMalformed } from './UuidIsMalformed.js';
export { GuidTextIsMalformed } from './GuidTextIsMalformed.js';
export { millisecondsToTimestamp, timestampToMilliseconds, type WireTimestamp } from './timestamps.js';
export { durationToMilliseconds, millisecondsToDuration, type WireDuration } from './durations.js';
