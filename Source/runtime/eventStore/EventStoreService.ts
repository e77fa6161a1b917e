import type * as grpc from '@grpc/grpc-js';
import { eventStoreService, guidToUuid, millisecondsToTimestamp, type dolittle } from '@dolittle-typescript/protocol';
import { otherFailure, type Failure } from '../failures/index.js';
import type { Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import type { Tenants } from '../tenancy/index.js';
import { committedEventToWire, executionContextFromWire, executionContextToWire, failureToWire, guidFromWire, RequestIsMalformed } from '../wire/index.js';
import type { CommittedEvent } from './CommittedEvent.js';
import { decodingCommitsWithinLimit, estimatedAnswerBytes, maximumAnswerBytes, type CommitOnTheWire } from './CommitOnTheWire.js';
import { maximumEventsInOneCommit } from './EventStore.js';
import { eventStoreFailures } from './failures.js';
import { eventStoreLogMessages as messages } from './logMessages.js';

type Wire = typeof dolittle.runtime.events;
type CommitResponse = dolittle.runtime.events.CommitEventsResponse.$Properties;
type AggregateResponse = dolittle.runtime.events.CommitAggregateEventsResponse.$Properties;
type FetchResponse = dolittle.runtime.events.FetchForAggregateResponse.$Properties;

/**
 * The `dolittle.runtime.events.EventStore` gRPC service: Commit, CommitForAggregate and FetchForAggregate for the
 * tenant in each request's execution context. Expected outcomes travel as failures; anything unexpected becomes
 * the documented "Other" failure, logged once, and the server stays up.
 */
export function eventStoreServiceFor(tenants: Tenants, logger: Logger): { definition: grpc.ServiceDefinition; implementation: grpc.UntypedServiceImplementation } {
    const answer = <Request, Response>(name: string, handle: (request: Request) => Promise<Response>, failed: (failure: Failure) => Response) =>
        (call: grpc.ServerUnaryCall<Request, Response>, callback: grpc.sendUnaryData<Response>): void => {
            handle(call.request).then(
                (response) => callback(null, response),
                (error: unknown) => {
                    if (error instanceof RequestIsMalformed || error instanceof TenantIsNotConfigured) {
                        logger.log(messages.commitRejected, { method: name, reason: error.message });
                    } else {
                        logger.log(messages.unexpected, { method: name, error: error instanceof Error ? error.stack ?? error.message : String(error) });
                    }
                    callback(null, failed(otherFailure(error instanceof Error ? error.message : String(error))));
                },
            );
        };

    const eventStoreOf = (callContext: dolittle.services.CallRequestContext.$Properties | null | undefined) => {
        const executionContext = executionContextFromWire(callContext?.executionContext, 'callContext.executionContext');
        const tenant = tenants.get(executionContext.tenantId);
        if (tenant === undefined) {
            throw new TenantIsNotConfigured(executionContext.tenantId);
        }
        return { executionContext, eventStore: tenant.eventStore };
    };

    // A commit over a limit is refused before its events are handled; the answer's size is checked before they are stored.
    const overLimits = <Request extends { readonly callContext?: dolittle.services.CallRequestContext.$Properties | null }>(
        received: CommitOnTheWire<Request>,
        events: (request: Request) => number,
    ): { readonly refused: Failure } | { readonly request: Request } => {
        if (received.kind === 'tooManyEvents') {
            logger.log(messages.commitRejected, { reason: 'too many events', events: received.events });
            return { refused: eventStoreFailures.tooManyEventsInCommit(received.events, maximumEventsInOneCommit) };
        }
        const answerBytes = estimatedAnswerBytes(received.bytes, events(received.request), received.request.callContext?.executionContext);
        if (answerBytes > maximumAnswerBytes) {
            logger.log(messages.commitRejected, { reason: 'answer too large', bytes: answerBytes });
            return { refused: eventStoreFailures.answerWouldBeTooLarge(answerBytes, maximumAnswerBytes) };
        }
        return { request: received.request };
    };

    const commit = async (received: CommitOnTheWire<InstanceType<Wire['CommitEventsRequest']>>): Promise<CommitResponse> => {
        const checked = overLimits(received, (request) => request.events.length);
        if ('refused' in checked) {
            return { failure: failureToWire(checked.refused) };
        }
        const request = checked.request;
        const { executionContext, eventStore } = eventStoreOf(request.callContext);
        const events = request.events.map((event, index) => ({
            type: { id: guidFromWire(event.artifact?.id, `events[${index}].artifact.id`), generation: event.artifact?.generation ?? 0 },
            eventSourceId: guidFromWire(event.eventSourceId, `events[${index}].eventSourceId`),
            public: event.public ?? false,
            content: event.content ?? '',
        }));
        const result = await eventStore.commit({ kind: 'events', executionContext, events });
        return result.succeeded ? { events: result.value.map(committedEventToWire) } : { failure: failureToWire(result.failure) };
    };

    const commitForAggregate = async (received: CommitOnTheWire<InstanceType<Wire['CommitAggregateEventsRequest']>>): Promise<AggregateResponse> => {
        const checked = overLimits(received, (request) => request.events?.events?.length ?? 0);
        if ('refused' in checked) {
            return { failure: failureToWire(checked.refused) };
        }
        const request = checked.request;
        const { executionContext, eventStore } = eventStoreOf(request.callContext);
        const aggregate = request.events;
        const aggregateRootId = guidFromWire(aggregate?.aggregateRootId, 'events.aggregateRootId');
        const eventSourceId = guidFromWire(aggregate?.eventSourceId, 'events.eventSourceId');
        const expectedVersion = Number(aggregate?.expectedAggregateRootVersion ?? 0);
        const events = (aggregate?.events ?? []).map((event, index) => ({
            type: { id: guidFromWire(event.artifact?.id, `events.events[${index}].artifact.id`), generation: event.artifact?.generation ?? 0 },
            public: event.public ?? false,
            content: event.content ?? '',
        }));
        const result = await eventStore.commitForAggregate({ kind: 'aggregate', executionContext, aggregateRootId, eventSourceId, expectedVersion, events });
        if (!result.succeeded) {
            return { failure: failureToWire(result.failure) };
        }
        return { events: aggregateEventsToWire(eventSourceId, aggregateRootId, expectedVersion + result.value.length - 1, result.value) };
    };

    const fetchForAggregate = async (request: InstanceType<Wire['FetchForAggregateRequest']>): Promise<FetchResponse> => {
        const { eventStore } = eventStoreOf(request.callContext);
        const eventSourceId = guidFromWire(request.aggregate?.eventSourceId, 'aggregate.eventSourceId');
        const aggregateRootId = guidFromWire(request.aggregate?.aggregateRootId, 'aggregate.aggregateRootId');
        const fetched = await eventStore.fetchForAggregate({ eventSourceId, aggregateRootId });
        if (!fetched.succeeded) {
            return { failure: failureToWire(fetched.failure) };
        }
        const { version, events } = fetched.value;
        return { events: aggregateEventsToWire(eventSourceId, aggregateRootId, Math.max(version - 1, 0), events) };
    };

    return {
        definition: {
            ...eventStoreService,
            // CommitEventsRequest.events is field 2; CommitAggregateEventsRequest.events (2) holds them in its field 4.
            commit: decodingCommitsWithinLimit(eventStoreService.commit, [2]),
            commitForAggregate: decodingCommitsWithinLimit(eventStoreService.commitForAggregate, [2, 4]),
        },
        implementation: {
            commit: answer('Commit', commit, (failure): CommitResponse => ({ failure: failureToWire(failure) })),
            commitForAggregate: answer('CommitForAggregate', commitForAggregate, (failure): AggregateResponse => ({ failure: failureToWire(failure) })),
            fetchForAggregate: answer('FetchForAggregate', fetchForAggregate, (failure): FetchResponse => ({ failure: failureToWire(failure) })),
        },
    };
}

function aggregateEventsToWire(
    eventSourceId: Guid,
    aggregateRootId: Guid,
    aggregateRootVersion: number,
    events: ReadonlyArray<CommittedEvent>,
): dolittle.runtime.events.CommittedAggregateEvents.$Properties {
    return {
        eventSourceId: guidToUuid(eventSourceId),
        aggregateRootId: guidToUuid(aggregateRootId),
        aggregateRootVersion,
        events: events.map((event) => ({
            eventLogSequenceNumber: event.sequenceNumber,
            occurred: millisecondsToTimestamp(event.occurred),
            executionContext: executionContextToWire(event.executionContext),
            type: { id: guidToUuid(event.type.id), generation: event.type.generation },
            public: event.public,
            content: event.content,
        })),
    };
}

/** Thrown when a call's execution context names a tenant that is not in tenants.json. */
export class TenantIsNotConfigured extends Error {
    /** Creates the error naming the tenant. */
    constructor(readonly tenantId: string) {
        super(`Tenant '${tenantId}' is not in tenants.json, so it has no event store`);
        this.name = 'TenantIsNotConfigured';
    }
}
