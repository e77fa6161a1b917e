import { failure, otherFailure, type Failure } from '../failures/index.js';
import type { Guid } from '../guids/index.js';

/** The event store's documented failure ids (seed 003, section 4.1.2). */
export const eventStoreFailureIds = {
    eventStoreUnavailable: 'b6fcb5dd-a32b-435b-8bf4-ed96e846d460' as Guid,
    eventAppliedByOtherAggregateRoot: 'd08a30b0-56ab-43dc-8fe6-490320514d2f' as Guid,
    eventAppliedToOtherEventSource: 'b2acc526-ba3a-490e-9f15-9453c6f13b46' as Guid,
    eventStorePersistanceError: 'ad55fca7-476a-4f68-9411-1a3b087ab843' as Guid,
    eventStoreConsistencyError: '6f0e6cab-c7e5-402e-a502-e095f9545297' as Guid,
    eventLogSequenceIsOutOfOrder: 'eb508238-87ff-4519-a743-03be5196a83d' as Guid,
    eventCannotBeNull: '45a811d9-bdf7-4ee1-b9bc-3f248e761799' as Guid,
    aggregateRootVersionOutOfOrder: 'eb51284e-c7b4-4966-8da4-64a862f07560' as Guid,
    aggregateRootConcurrencyConflict: 'f25cccfb-3ae1-4969-bee6-906370ffbc2d' as Guid,
    noEventsToCommit: 'ef3f1a42-9bc3-4d98-aa2a-942db7c56ac1' as Guid,
    /** Not in the seed or the original Runtime, which have no limits: this Runtime's own id for a commit over a limit. */
    commitIsTooLarge: 'e559af68-fff3-43e2-9b55-1222543de4b9' as Guid,
} as const;

/** The event store's failures, each with its documented id and a reason that names what was wrong. */
export const eventStoreFailures = {
    noEventsToCommit: (): Failure => failure(eventStoreFailureIds.noEventsToCommit, 'There are no events to commit'),
    eventCannotBeNull: (index: number, what: string): Failure =>
        failure(eventStoreFailureIds.eventCannotBeNull, `Event ${index} has no ${what}`),
    concurrencyConflict: (eventSourceId: Guid, aggregateRootId: Guid, current: number, expected: number): Failure =>
        failure(
            eventStoreFailureIds.aggregateRootConcurrencyConflict,
            `Aggregate root ${aggregateRootId} on event source ${eventSourceId} is at version ${current}, but the commit expected version ${expected}`,
        ),
    tooManyEventsInCommit: (count: number, limit: number): Failure =>
        failure(
            eventStoreFailureIds.commitIsTooLarge,
            `The commit has ${count} events, more than the ${limit} events one commit may have; split it into several commits`,
        ),
    answerWouldBeTooLarge: (bytes: number, limit: number): Failure =>
        failure(
            eventStoreFailureIds.commitIsTooLarge,
            `The answer to the commit would be about ${bytes} bytes (its events with their sequence numbers and execution contexts), more than the ${limit} bytes a client receives in one message; split it into several commits`,
        ),
    aggregateRootIdIsEmpty: (eventSourceId: Guid): Failure =>
        otherFailure(`The commit's aggregateRootId is the empty GUID (event source ${eventSourceId}); give the aggregate root type its own id`),
    unavailable: (reason: string): Failure => failure(eventStoreFailureIds.eventStoreUnavailable, `The event store is unavailable: ${reason}`),
    persistanceError: (reason: string): Failure =>
        failure(eventStoreFailureIds.eventStorePersistanceError, `The events could not be stored: ${reason}`),
};
