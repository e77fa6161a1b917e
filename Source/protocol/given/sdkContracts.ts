// The official SDK's generated google-protobuf classes (CommonJS), loaded for wire compatibility tests.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** The SDK's `dolittle.protobuf.Uuid` and `Failure` classes. */
export const sdkUuid = load('@dolittle/contracts/Protobuf/Uuid_pb.js') as typeof import('@dolittle/contracts/Protobuf/Uuid_pb.js');
/** The SDK's `dolittle.protobuf.Failure` class. */
export const sdkFailure = load('@dolittle/contracts/Protobuf/Failure_pb.js') as typeof import('@dolittle/contracts/Protobuf/Failure_pb.js');
/** The SDK's `dolittle.artifacts` classes. */
export const sdkArtifacts = load('@dolittle/contracts/Artifacts/Artifact_pb.js') as typeof import('@dolittle/contracts/Artifacts/Artifact_pb.js');
/** The SDK's `dolittle.execution` classes. */
export const sdkExecution = load('@dolittle/contracts/Execution/ExecutionContext_pb.js') as typeof import('@dolittle/contracts/Execution/ExecutionContext_pb.js');
/** The SDK's `dolittle.security` classes. */
export const sdkSecurity = load('@dolittle/contracts/Security/Claim_pb.js') as typeof import('@dolittle/contracts/Security/Claim_pb.js');
/** The SDK's `dolittle.versioning` classes. */
export const sdkVersioning = load('@dolittle/contracts/Versioning/Version_pb.js') as typeof import('@dolittle/contracts/Versioning/Version_pb.js');
/** The SDK's `CallRequestContext` class. */
export const sdkCallContext = load('@dolittle/contracts/Services/CallContext_pb.js') as typeof import('@dolittle/contracts/Services/CallContext_pb.js');
/** The SDK's reverse-call context classes. */
export const sdkReverseCallContext = load('@dolittle/contracts/Services/ReverseCallContext_pb.js') as typeof import('@dolittle/contracts/Services/ReverseCallContext_pb.js');
/** The SDK's `Ping` and `Pong` classes. */
export const sdkPing = load('@dolittle/contracts/Services/Ping_pb.js') as typeof import('@dolittle/contracts/Services/Ping_pb.js');
/** The SDK's event store classes. */
export const sdkEventStore = load('@dolittle/runtime.contracts/Events/EventStore_pb.js') as typeof import('@dolittle/runtime.contracts/Events/EventStore_pb.js');
/** The SDK's committed event classes. */
export const sdkCommitted = load('@dolittle/runtime.contracts/Events/Committed_pb.js') as typeof import('@dolittle/runtime.contracts/Events/Committed_pb.js');
/** The SDK's uncommitted event classes. */
export const sdkUncommitted = load('@dolittle/runtime.contracts/Events/Uncommitted_pb.js') as typeof import('@dolittle/runtime.contracts/Events/Uncommitted_pb.js');
/** The SDK's event handler classes. */
export const sdkEventHandlers = load('@dolittle/runtime.contracts/Events.Processing/EventHandlers_pb.js') as typeof import('@dolittle/runtime.contracts/Events.Processing/EventHandlers_pb.js');
/** The SDK's filter classes. */
export const sdkFilters = load('@dolittle/runtime.contracts/Events.Processing/Filters_pb.js') as typeof import('@dolittle/runtime.contracts/Events.Processing/Filters_pb.js');
/** The SDK's partitioned filter classes. */
export const sdkPartitionedFilters = load('@dolittle/runtime.contracts/Events.Processing/PartitionedFilters_pb.js') as typeof import('@dolittle/runtime.contracts/Events.Processing/PartitionedFilters_pb.js');
/** The SDK's processor classes (ProcessorFailure, RetryProcessingState). */
export const sdkProcessors = load('@dolittle/runtime.contracts/Events.Processing/Processors_pb.js') as typeof import('@dolittle/runtime.contracts/Events.Processing/Processors_pb.js');
/** The SDK's StreamEvent class. */
export const sdkStreamEvent = load('@dolittle/runtime.contracts/Events.Processing/StreamEvent_pb.js') as typeof import('@dolittle/runtime.contracts/Events.Processing/StreamEvent_pb.js');
/** google-protobuf's Timestamp class, as the SDK uses it. */
export const sdkTimestamp = load('google-protobuf/google/protobuf/timestamp_pb.js') as typeof import('google-protobuf/google/protobuf/timestamp_pb.js');
/** google-protobuf's Duration class, as the SDK uses it. */
export const sdkDuration = load('google-protobuf/google/protobuf/duration_pb.js') as typeof import('google-protobuf/google/protobuf/duration_pb.js');
