// Plain views of execution contexts and committed events, built the same way from SDK and from our messages.
import type { dolittle } from '../generated/protocol.js';
import { timestampToMilliseconds } from '../timestamps.js';
import { uuidToGuid } from '../uuidToGuid.js';
import type { sdkCommitted, sdkExecution } from './sdkContracts.js';
import { guidOfSdkUuid } from './sdkMessages.js';

/** What an execution context says, in plain values. */
export type ExecutionContextView = {
    readonly microserviceId: string;
    readonly tenantId: string;
    readonly version: readonly [number, number, number, number, string];
    readonly correlationId: string;
    readonly claims: ReadonlyArray<readonly [string, string, string]>;
    readonly environment: string;
};

/** What a committed event says, in plain values. */
export type CommittedEventView = {
    readonly eventLogSequenceNumber: number;
    readonly occurred: number | undefined;
    readonly eventSourceId: string;
    readonly executionContext: ExecutionContextView | undefined;
    readonly type: readonly [string, number];
    readonly public: boolean;
    readonly content: string;
    readonly external: boolean;
    readonly externalEventLogSequenceNumber: number;
    readonly externalEventReceived: number | undefined;
};

/** The view of one of our execution contexts. */
export function executionContextView(context: dolittle.execution.ExecutionContext.$Properties | null | undefined): ExecutionContextView | undefined {
    if (context === null || context === undefined) {
        return undefined;
    }
    const version = context.version;
    return {
        microserviceId: uuidToGuid(context.microserviceId),
        tenantId: uuidToGuid(context.tenantId),
        version: [version?.major ?? 0, version?.minor ?? 0, version?.patch ?? 0, version?.build ?? 0, version?.preReleaseString ?? ''],
        correlationId: uuidToGuid(context.correlationId),
        claims: (context.claims ?? []).map((claim) => [claim.key ?? '', claim.value ?? '', claim.valueType ?? ''] as const),
        environment: context.environment ?? '',
    };
}

/** The view of an SDK execution context. */
export function sdkExecutionContextView(context: InstanceType<typeof sdkExecution.ExecutionContext> | undefined): ExecutionContextView | undefined {
    if (context === undefined) {
        return undefined;
    }
    const version = context.getVersion();
    return {
        microserviceId: guidOfSdkUuid(context.getMicroserviceid()),
        tenantId: guidOfSdkUuid(context.getTenantid()),
        version: [version?.getMajor() ?? 0, version?.getMinor() ?? 0, version?.getPatch() ?? 0, version?.getBuild() ?? 0, version?.getPrereleasestring() ?? ''],
        correlationId: guidOfSdkUuid(context.getCorrelationid()),
        claims: context.getClaimsList().map((claim) => [claim.getKey(), claim.getValue(), claim.getValuetype()] as const),
        environment: context.getEnvironment(),
    };
}

/** The view of one of our committed events. */
export function committedEventView(event: dolittle.runtime.events.CommittedEvent.$Properties): CommittedEventView {
    return {
        eventLogSequenceNumber: Number(event.eventLogSequenceNumber ?? 0),
        occurred: timestampToMilliseconds(event.occurred),
        eventSourceId: uuidToGuid(event.eventSourceId),
        executionContext: executionContextView(event.executionContext),
        type: [uuidToGuid(event.type?.id), event.type?.generation ?? 0],
        public: event.public ?? false,
        content: event.content ?? '',
        external: event.external ?? false,
        externalEventLogSequenceNumber: Number(event.externalEventLogSequenceNumber ?? 0),
        externalEventReceived: timestampToMilliseconds(event.externalEventReceived),
    };
}

/** The view of an SDK committed event. */
export function sdkCommittedEventView(event: InstanceType<typeof sdkCommitted.CommittedEvent>): CommittedEventView {
    return {
        eventLogSequenceNumber: event.getEventlogsequencenumber(),
        occurred: event.getOccurred()?.toDate().getTime(),
        eventSourceId: guidOfSdkUuid(event.getEventsourceid()),
        executionContext: sdkExecutionContextView(event.getExecutioncontext()),
        type: [guidOfSdkUuid(event.getType()?.getId()), event.getType()?.getGeneration() ?? 0],
        public: event.getPublic(),
        content: event.getContent(),
        external: event.getExternal(),
        externalEventLogSequenceNumber: event.getExternaleventlogsequencenumber(),
        externalEventReceived: event.getExternaleventreceived()?.toDate().getTime(),
    };
}
