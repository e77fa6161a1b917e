import { describe, expect, it } from 'vitest';
import { dolittle } from './generated/protocol.js';
import { durationToMilliseconds } from './durations.js';
import { committedEventView, executionContextView, sdkCommittedEventView, sdkExecutionContextView } from './given/messageViews.js';
import {
    sdkCommitted,
    sdkDuration,
    sdkEventHandlers,
    sdkEventStore,
    sdkFilters,
    sdkPartitionedFilters,
    sdkPing,
    sdkProcessors,
    sdkReverseCallContext,
    sdkCallContext,
    sdkStreamEvent,
    sdkUncommitted,
    sdkFailure,
} from './given/sdkContracts.js';
import { ids, sdkCommittedEvent, sdkEventType, sdkExecutionContext, sdkTimestampAt, sdkUuidOf } from './given/sdkMessages.js';
import { uuidToGuid } from './uuidToGuid.js';

const events = dolittle.runtime.events;
const processing = dolittle.runtime.events.processing;

describe('when the SDK encodes a message and the protocol decodes it', () => {
    describe('and it is a CommitEventsRequest with an execution context and claims', () => {
        const request = new sdkEventStore.CommitEventsRequest()
            .setCallcontext(new sdkCallContext.CallRequestContext().setExecutioncontext(sdkExecutionContext()).setHeadid(sdkUuidOf(ids.head)))
            .setEventsList([
                new sdkUncommitted.UncommittedEvent().setArtifact(sdkEventType()).setEventsourceid(sdkUuidOf(ids.eventSource)).setPublic(true).setContent('{"a":1}'),
                new sdkUncommitted.UncommittedEvent().setArtifact(sdkEventType(3)).setEventsourceid(sdkUuidOf(ids.eventSource)).setContent('{"b":"ø"}'),
            ]);
        const decoded = events.CommitEventsRequest.decode(request.serializeBinary());

        it('reads the execution context with its claims', () => {
            expect(executionContextView(decoded.callContext?.executionContext))
                .toEqual(sdkExecutionContextView(sdkExecutionContext()));
        });

        it('reads the head id', () => {
            expect(uuidToGuid(decoded.callContext?.headId)).toBe(ids.head);
        });

        it('reads every event', () => {
            expect(decoded.events.map((event) => [uuidToGuid(event.artifact?.id), event.artifact?.generation, uuidToGuid(event.eventSourceId), event.public, event.content]))
                .toEqual([[ids.eventType, 1, ids.eventSource, true, '{"a":1}'], [ids.eventType, 3, ids.eventSource, false, '{"b":"ø"}']]);
        });
    });

    describe('and it is a CommitAggregateEventsResponse', () => {
        const aggregateEvent = new sdkCommitted.CommittedAggregateEvents.CommittedAggregateEvent()
            .setEventlogsequencenumber(12).setOccurred(sdkTimestampAt(1_700_000_000_999)).setExecutioncontext(sdkExecutionContext())
            .setType(sdkEventType()).setPublic(false).setContent('{"x":true}');
        const response = new sdkEventStore.CommitAggregateEventsResponse().setEvents(new sdkCommitted.CommittedAggregateEvents()
            .setEventsourceid(sdkUuidOf(ids.eventSource)).setAggregaterootid(sdkUuidOf(ids.aggregateRoot))
            .setAggregaterootversion(9_007_199_254_740_991).setEventsList([aggregateEvent]));
        const decoded = events.CommitAggregateEventsResponse.decode(response.serializeBinary());

        it('has no failure', () => {
            expect(decoded.failure).toBeNull();
        });

        it('reads the aggregate and its version as a number', () => {
            expect([uuidToGuid(decoded.events?.eventSourceId), uuidToGuid(decoded.events?.aggregateRootId), decoded.events?.aggregateRootVersion])
                .toEqual([ids.eventSource, ids.aggregateRoot, 9_007_199_254_740_991]);
        });

        it('reads the committed aggregate event', () => {
            const event = decoded.events?.events?.[0];
            expect([event?.eventLogSequenceNumber, event?.occurred?.seconds, event?.occurred?.nanos, executionContextView(event?.executionContext), event?.content])
                .toEqual([12, 1_700_000_000, 999_000_000, sdkExecutionContextView(sdkExecutionContext()), '{"x":true}']);
        });
    });

    describe('and it is a failed CommitAggregateEventsResponse', () => {
        const response = new sdkEventStore.CommitAggregateEventsResponse()
            .setFailure(new sdkFailure.Failure().setId(sdkUuidOf('f25cccfb-3ae1-4969-bee6-906370ffbc2d')).setReason('Aggregate root concurrency conflict'));
        const decoded = events.CommitAggregateEventsResponse.decode(response.serializeBinary());

        it('reads the failure id and reason', () => {
            expect([uuidToGuid(decoded.failure?.id), decoded.failure?.reason]).toEqual(['f25cccfb-3ae1-4969-bee6-906370ffbc2d', 'Aggregate root concurrency conflict']);
        });
    });

    describe('and it is an EventHandlerClientToRuntimeMessage with a registration request', () => {
        const duration = new sdkDuration.Duration();
        duration.setSeconds(1);
        const registration = new sdkEventHandlers.EventHandlerRegistrationRequest()
            .setCallcontext(new sdkReverseCallContext.ReverseCallArgumentsContext().setExecutioncontext(sdkExecutionContext()).setHeadid(sdkUuidOf(ids.head)).setPinginterval(duration))
            .setScopeid(sdkUuidOf(ids.scope)).setEventhandlerid(sdkUuidOf(ids.handler)).setTypesList([sdkEventType(1), sdkEventType(2)]).setPartitioned(true);
        const decoded = processing.EventHandlerClientToRuntimeMessage.decode(new sdkEventHandlers.EventHandlerClientToRuntimeMessage().setRegistrationrequest(registration).serializeBinary());

        it('puts the registration request in the oneof', () => {
            expect(decoded.Message).toBe('registrationRequest');
        });

        it('reads the call context with the ping interval in milliseconds', () => {
            const callContext = decoded.registrationRequest?.callContext;
            expect([executionContextView(callContext?.executionContext), uuidToGuid(callContext?.headId), durationToMilliseconds(callContext?.pingInterval)])
                .toEqual([sdkExecutionContextView(sdkExecutionContext()), ids.head, 1_000]);
        });

        it('reads the handler, scope, types and partitioning', () => {
            const request = decoded.registrationRequest;
            expect([uuidToGuid(request?.eventHandlerId), uuidToGuid(request?.scopeId), request?.types?.map((type) => type.generation), request?.partitioned])
                .toEqual([ids.handler, ids.scope, [1, 2], true]);
        });
    });

    describe('and it is an EventHandlerClientToRuntimeMessage with a pong', () => {
        const decoded = processing.EventHandlerClientToRuntimeMessage.decode(new sdkEventHandlers.EventHandlerClientToRuntimeMessage().setPong(new sdkPing.Pong()).serializeBinary());

        it('puts the pong in the oneof', () => {
            expect([decoded.Message, decoded.pong]).toEqual(['pong', {}]);
        });
    });

    describe('and it is an EventHandlerRuntimeToClientMessage with a HandleEventRequest', () => {
        const streamEvent = new sdkStreamEvent.StreamEvent().setEvent(sdkCommittedEvent()).setPartitionid(sdkUuidOf(ids.partition)).setScopeid(sdkUuidOf(ids.scope)).setPartitioned(true);
        const handleRequest = new sdkEventHandlers.HandleEventRequest()
            .setCallcontext(new sdkReverseCallContext.ReverseCallRequestContext().setCallid(sdkUuidOf(ids.call)).setExecutioncontext(sdkExecutionContext()))
            .setEvent(streamEvent)
            .setRetryprocessingstate(new sdkProcessors.RetryProcessingState().setFailurereason('boom').setRetrycount(4_294_967_295));
        const decoded = processing.EventHandlerRuntimeToClientMessage.decode(new sdkEventHandlers.EventHandlerRuntimeToClientMessage().setHandlerequest(handleRequest).serializeBinary());

        it('reads the call id', () => {
            expect(uuidToGuid(decoded.handleRequest?.callContext?.callId)).toBe(ids.call);
        });

        it('reads the committed event', () => {
            expect(committedEventView(decoded.handleRequest!.event!.event!)).toEqual(sdkCommittedEventView(sdkCommittedEvent()));
        });

        it('reads the partition and scope', () => {
            const event = decoded.handleRequest?.event;
            expect([uuidToGuid(event?.partitionId), uuidToGuid(event?.scopeId), event?.partitioned]).toEqual([ids.partition, ids.scope, true]);
        });

        it('reads the retry state, including the largest retry count', () => {
            const retry = decoded.handleRequest?.retryProcessingState;
            expect([retry?.failureReason, retry?.retryCount]).toEqual(['boom', 4_294_967_295]);
        });
    });

    describe('and it is a FilterRuntimeToClientMessage with a filter request', () => {
        const filterRequest = new sdkFilters.FilterEventRequest()
            .setCallcontext(new sdkReverseCallContext.ReverseCallRequestContext().setCallid(sdkUuidOf(ids.call)).setExecutioncontext(sdkExecutionContext()))
            .setEvent(sdkCommittedEvent()).setScopeid(sdkUuidOf(ids.partition));
        const decoded = processing.FilterRuntimeToClientMessage.decode(new sdkFilters.FilterRuntimeToClientMessage().setFilterrequest(filterRequest).serializeBinary());

        it('reads the request with its event and scope', () => {
            const request = decoded.filterRequest;
            expect([decoded.Message, uuidToGuid(request?.callContext?.callId), committedEventView(request!.event!), uuidToGuid(request?.scopeId)])
                .toEqual(['filterRequest', ids.call, sdkCommittedEventView(sdkCommittedEvent()), ids.partition]);
        });
    });

    describe('and it is a PartitionedFilterResponse with a failure', () => {
        const retryTimeout = new sdkDuration.Duration();
        retryTimeout.setSeconds(5);
        retryTimeout.setNanos(250_000_000);
        const response = new sdkPartitionedFilters.PartitionedFilterResponse()
            .setCallcontext(new sdkReverseCallContext.ReverseCallResponseContext().setCallid(sdkUuidOf(ids.call)))
            .setIsincluded(true).setPartitionid(sdkUuidOf(ids.partition))
            .setFailure(new sdkProcessors.ProcessorFailure().setReason('Error: nope').setRetry(true).setRetrytimeout(retryTimeout));
        const decoded = processing.PartitionedFilterResponse.decode(response.serializeBinary());

        it('reads the call id, inclusion and partition', () => {
            expect([uuidToGuid(decoded.callContext?.callId), decoded.isIncluded, uuidToGuid(decoded.partitionId)]).toEqual([ids.call, true, ids.partition]);
        });

        it('reads the processor failure with its retry timeout', () => {
            expect([decoded.failure?.reason, decoded.failure?.retry, durationToMilliseconds(decoded.failure?.retryTimeout)]).toEqual(['Error: nope', true, 5_250]);
        });
    });
});
