import type * as grpc from '@grpc/grpc-js';
import { eventStoreService, guidToUuid, millisecondsToTimestamp, dolittle } from '@dolittle-typescript/protocol';
import { otherFailure, type Failure, type Result } from '../failures/index.js';
import type { Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import { noMetrics, type CommitOutcome, type EventStoreMetrics } from '../metrics/index.js';
import type { Tenants } from '../tenancy/index.js';
import { committedEventToWire, executionContextFromWire, executionContextToWire, failureToWire, guidFromWire, RequestIsMalformed, type LargeMessageWork } from '../wire/index.js';
import type { CommittedEvent } from './CommittedEvent.js';
import { commitMethodOnTheWire, estimatedAnswerBytes, maximumAnswerBytes, type CommitOnTheWire } from './CommitOnTheWire.js';
import { maximumEventsInOneCommit } from './EventStore.js';
import { eventStoreFailureIds, eventStoreFailures } from './failures.js';
import { eventStoreLogMessages as messages } from './logMessages.js';

const wire = dolittle.runtime.events;
type Wire = typeof wire;
type CommitResponse = dolittle.runtime.events.CommitEventsResponse.$Properties;
type AggregateResponse = dolittle.runtime.events.CommitAggregateEventsResponse.$Properties;
type FetchResponse = dolittle.runtime.events.FetchForAggregateResponse.$Properties;
// A commit refused before its events are stored, with its answer.
type Refused<Response> = { readonly refused: Response };
// A commit read and checked: storing it gives its answer.
type Storing<Response> = { readonly store: () => Promise<Answer<Response>> };
// The answer to a commit: whole, or in parts whose encodings, one after the other, are the whole's.
type Answer<Response> = { readonly whole: () => Response; readonly inParts: () => ReadonlyArray<() => Response> };

const answerWhole = <Response>(response: Response): Answer<Response> => ({ whole: () => response, inParts: () => [() => response] });

// How much event content one part of a large answer holds: about 3 ms of writing and encoding on an unloaded core.
const contentCharactersInOnePart = 256 * 1024;

function partsOf(events: ReadonlyArray<CommittedEvent>): ReadonlyArray<ReadonlyArray<CommittedEvent>> {
    const parts: CommittedEvent[][] = [];
    let characters = Number.POSITIVE_INFINITY;
    for (const event of events) {
        if (characters + event.content.length > contentCharactersInOnePart) {
            parts.push([]);
            characters = 0;
        }
        parts.at(-1)!.push(event);
        characters += event.content.length;
    }
    return parts;
}

const commitFailed = (failure: Failure): CommitResponse => ({ failure: failureToWire(failure) });
const aggregateCommitFailed = (failure: Failure): AggregateResponse => ({ failure: failureToWire(failure) });

/**
 * The `dolittle.runtime.events.EventStore` gRPC service: Commit, CommitForAggregate and FetchForAggregate for the
 * tenant in each request's execution context. Expected outcomes travel as failures; anything unexpected becomes
 * the documented "Other" failure, logged once, and the server stays up. Large commits take their turns in `work`.
 */
export function eventStoreServiceFor(
    tenants: Tenants,
    work: LargeMessageWork,
    logger: Logger,
    metrics: EventStoreMetrics = noMetrics.eventStore,
): { definition: grpc.ServiceDefinition; implementation: grpc.UntypedServiceImplementation } {
    const answer = <Request, Response>(name: string, handle: (request: Request) => Promise<Response | Buffer>, failed: (failure: Failure) => Response) =>
        (call: grpc.ServerUnaryCall<Request, Response | Buffer>, callback: grpc.sendUnaryData<Response | Buffer>): void => {
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

    // Stores a commit and counts its outcome and latency for its tenant.
    const measured = async <T extends ReadonlyArray<unknown>>(tenant: Guid, aggregate: boolean, store: () => Promise<Result<T>>): Promise<Result<T>> => {
        const started = performance.now();
        const result = await store();
        metrics.commit(tenant, commitOutcome(result, aggregate), (performance.now() - started) / 1000);
        return result;
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
        request: Request,
        bytes: number,
        events: number,
    ): Failure | undefined => {
        const answerBytes = estimatedAnswerBytes(bytes, events, request.callContext?.executionContext);
        if (answerBytes > maximumAnswerBytes) {
            logger.log(messages.commitRejected, { reason: 'answer too large', bytes: answerBytes });
            return eventStoreFailures.answerWouldBeTooLarge(answerBytes, maximumAnswerBytes);
        }
        return undefined;
    };

    // A large commit is decoded and read, and its answer written and encoded, each as one unit of the Runtime's
    // large-message work, so the event loop serves other calls between them; a small one is handled at once.
    const committing = <Request, Response>(
        read: (request: Request, bytes: number) => Refused<Response> | Storing<Response>,
        encode: (response: Response) => Buffer,
        failed: (failure: Failure) => Response,
    ) =>
        async (received: CommitOnTheWire<Request>): Promise<Response | Buffer> => {
            if (received.kind === 'tooManyEvents') {
                logger.log(messages.commitRejected, { reason: 'too many events', events: received.events });
                return failed(eventStoreFailures.tooManyEventsInCommit(received.events, maximumEventsInOneCommit));
            }
            if (received.kind === 'decoded') {
                const small = read(received.request, received.bytes);
                return 'refused' in small ? small.refused : (await small.store()).whole();
            }
            const request = await received.decode(work);
            const large = await work.run(() => read(request, received.bytes));
            if ('refused' in large) {
                return encode(large.refused);
            }
            const answer = await large.store();
            const encoded: Buffer[] = [];
            for (const part of answer.inParts()) {
                encoded.push(await work.run(() => encode(part())));
            }
            // Joining the parts copies megabytes, and grpc-js copies them again to frame the message: a turn of its own.
            return work.run(() => Buffer.concat(encoded));
        };

    const readCommit = (request: InstanceType<Wire['CommitEventsRequest']>, bytes: number): Refused<CommitResponse> | Storing<CommitResponse> => {
        const refused = overLimits(request, bytes, request.events.length);
        if (refused !== undefined) {
            return { refused: { failure: failureToWire(refused) } };
        }
        const { executionContext, eventStore } = eventStoreOf(request.callContext);
        const events = request.events.map((event, index) => ({
            type: { id: guidFromWire(event.artifact?.id, `events[${index}].artifact.id`), generation: event.artifact?.generation ?? 0 },
            eventSourceId: guidFromWire(event.eventSourceId, `events[${index}].eventSourceId`),
            public: event.public ?? false,
            content: event.content ?? '',
        }));
        return {
            store: async () => {
                const result = await measured(executionContext.tenantId, false, () => eventStore.commit({ kind: 'events', executionContext, events }));
                if (!result.succeeded) {
                    return answerWhole({ failure: failureToWire(result.failure) });
                }
                const committed = result.value;
                return {
                    whole: () => ({ events: committed.map(committedEventToWire) }),
                    // The encoded parts of a CommitEventsResponse add up to one: protobuf appends the elements of a repeated field.
                    inParts: () => partsOf(committed).map((part) => () => ({ events: part.map(committedEventToWire) })),
                };
            },
        };
    };

    const readCommitForAggregate = (request: InstanceType<Wire['CommitAggregateEventsRequest']>, bytes: number): Refused<AggregateResponse> | Storing<AggregateResponse> => {
        const refused = overLimits(request, bytes, request.events?.events?.length ?? 0);
        if (refused !== undefined) {
            return { refused: { failure: failureToWire(refused) } };
        }
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
        return {
            store: async () => {
                const result = await measured(executionContext.tenantId, true, () => eventStore.commitForAggregate({ kind: 'aggregate', executionContext, aggregateRootId, eventSourceId, expectedVersion, events }));
                return answerWhole(
                    result.succeeded
                        ? { events: aggregateEventsToWire(eventSourceId, aggregateRootId, expectedVersion + result.value.length - 1, result.value) }
                        : { failure: failureToWire(result.failure) },
                );
            },
        };
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
            commit: commitMethodOnTheWire(eventStoreService.commit, {
                path: [2],
                decode: (bytes) => wire.UncommittedEvent.decode(bytes),
                place: (request, events) => {
                    request.events = events;
                },
            }),
            commitForAggregate: commitMethodOnTheWire(eventStoreService.commitForAggregate, {
                // CommitAggregateEventsRequest.events (2) holds them in its field 4.
                path: [2, 4],
                decode: (bytes) => wire.UncommittedAggregateEvents.UncommittedAggregateEvent.decode(bytes),
                place: (request, events) => {
                    if (request.events !== null && request.events !== undefined) {
                        request.events.events = events;
                    }
                },
            }),
        },
        implementation: {
            commit: answer('Commit', committing(readCommit, eventStoreService.commit.responseSerialize, commitFailed), commitFailed),
            commitForAggregate: answer('CommitForAggregate', committing(readCommitForAggregate, eventStoreService.commitForAggregate.responseSerialize, aggregateCommitFailed), aggregateCommitFailed),
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

function commitOutcome(result: Result<ReadonlyArray<unknown>>, aggregate: boolean): CommitOutcome {
    if (result.succeeded) {
        return { kind: 'committed', events: result.value.length, aggregate };
    }
    switch (result.failure.id) {
        case eventStoreFailureIds.aggregateRootConcurrencyConflict:
            return { kind: 'concurrencyConflict' };
        case eventStoreFailureIds.eventStoreUnavailable:
            return { kind: 'storeUnavailable' };
        default:
            return { kind: 'refused' };
    }
}
