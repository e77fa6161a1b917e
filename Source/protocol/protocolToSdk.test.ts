import { describe, expect, it } from 'vitest';
import { dolittle } from './generated/protocol.js';
import { millisecondsToDuration } from './durations.js';
import { committedEventView, sdkCommittedEventView, sdkExecutionContextView, executionContextView } from './given/messageViews.js';
import { committedEvent, eventType, executionContext } from './given/protocolMessages.js';
import { sdkEventHandlers, sdkEventStore, sdkFilters, sdkPartitionedFilters } from './given/sdkContracts.js';
import { guidOfSdkUuid, ids } from './given/sdkMessages.js';
import { guidToUuid } from './guidToUuid.js';
import { millisecondsToTimestamp } from './timestamps.js';

const events = dolittle.runtime.events;
const processing = dolittle.runtime.events.processing;

describe('when the protocol encodes a message and the SDK decodes it', () => {
    describe('and it is a CommitEventsRequest with an execution context and claims', () => {
        const bytes = events.CommitEventsRequest.encode({
            callContext: { executionContext: executionContext(), headId: guidToUuid(ids.head) },
            events: [{ artifact: eventType(), eventSourceId: guidToUuid(ids.eventSource), public: true, content: '{"a":1}' }],
        }).finish();
        const decoded = sdkEventStore.CommitEventsRequest.deserializeBinary(bytes);

        it('reads the execution context with its claims', () => {
            expect(sdkExecutionContextView(decoded.getCallcontext()?.getExecutioncontext())).toEqual(executionContextView(executionContext()));
        });

        it('reads the event', () => {
            const event = decoded.getEventsList()[0];
            expect([guidOfSdkUuid(event?.getArtifact()?.getId()), event?.getArtifact()?.getGeneration(), guidOfSdkUuid(event?.getEventsourceid()), event?.getPublic(), event?.getContent()])
                .toEqual([ids.eventType, 1, ids.eventSource, true, '{"a":1}']);
        });
    });

    describe('and it is a CommitAggregateEventsResponse', () => {
        const bytes = events.CommitAggregateEventsResponse.encode({
            events: {
                eventSourceId: guidToUuid(ids.eventSource),
                aggregateRootId: guidToUuid(ids.aggregateRoot),
                aggregateRootVersion: 5,
                events: [{ eventLogSequenceNumber: 12, occurred: millisecondsToTimestamp(1_700_000_000_999), executionContext: executionContext(), type: eventType(), content: '{"x":true}' }],
            },
        }).finish();
        const decoded = sdkEventStore.CommitAggregateEventsResponse.deserializeBinary(bytes);

        it('has no failure', () => {
            expect(decoded.hasFailure()).toBe(false);
        });

        it('reads the aggregate, its version and the event', () => {
            const aggregate = decoded.getEvents();
            const event = aggregate?.getEventsList()[0];
            expect([guidOfSdkUuid(aggregate?.getEventsourceid()), guidOfSdkUuid(aggregate?.getAggregaterootid()), aggregate?.getAggregaterootversion(),
                event?.getEventlogsequencenumber(), event?.getOccurred()?.toDate().getTime(), event?.getContent()])
                .toEqual([ids.eventSource, ids.aggregateRoot, 5, 12, 1_700_000_000_999, '{"x":true}']);
        });
    });

    describe('and it is an EventHandlerClientToRuntimeMessage with a registration request', () => {
        const bytes = processing.EventHandlerClientToRuntimeMessage.encode({
            registrationRequest: {
                callContext: { executionContext: executionContext(), headId: guidToUuid(ids.head), pingInterval: millisecondsToDuration(1_000) },
                scopeId: guidToUuid(ids.scope),
                eventHandlerId: guidToUuid(ids.handler),
                types: [eventType(1), eventType(2)],
                partitioned: true,
            },
        }).finish();
        const decoded = sdkEventHandlers.EventHandlerClientToRuntimeMessage.deserializeBinary(bytes);

        it('puts the registration request in the oneof', () => {
            expect(decoded.getMessageCase()).toBe(sdkEventHandlers.EventHandlerClientToRuntimeMessage.MessageCase.REGISTRATIONREQUEST);
        });

        it('reads the registration', () => {
            const request = decoded.getRegistrationrequest();
            expect([guidOfSdkUuid(request?.getEventhandlerid()), request?.getTypesList().map((type) => type.getGeneration()), request?.getPartitioned(),
                request?.getCallcontext()?.getPinginterval()?.getSeconds(), guidOfSdkUuid(request?.getCallcontext()?.getHeadid())])
                .toEqual([ids.handler, [1, 2], true, 1, ids.head]);
        });
    });

    describe('and it is an EventHandlerRuntimeToClientMessage with a HandleEventRequest', () => {
        const bytes = processing.EventHandlerRuntimeToClientMessage.encode({
            handleRequest: {
                callContext: { callId: guidToUuid(ids.call), executionContext: executionContext() },
                event: { event: committedEvent(), partitionId: guidToUuid(ids.partition), scopeId: guidToUuid(ids.scope), partitioned: true },
                retryProcessingState: { failureReason: 'boom', retryCount: 4_294_967_295 },
            },
        }).finish();
        const decoded = sdkEventHandlers.EventHandlerRuntimeToClientMessage.deserializeBinary(bytes);
        const request = decoded.getHandlerequest();

        it('reads the call id and execution context', () => {
            expect([guidOfSdkUuid(request?.getCallcontext()?.getCallid()), sdkExecutionContextView(request?.getCallcontext()?.getExecutioncontext())])
                .toEqual([ids.call, executionContextView(executionContext())]);
        });

        it('reads the committed event', () => {
            expect(sdkCommittedEventView(request!.getEvent()!.getEvent()!)).toEqual(committedEventView(committedEvent()));
        });

        it('reads the partition and the retry state', () => {
            expect([guidOfSdkUuid(request?.getEvent()?.getPartitionid()), request?.getEvent()?.getPartitioned(),
                request?.getRetryprocessingstate()?.getFailurereason(), request?.getRetryprocessingstate()?.getRetrycount()])
                .toEqual([ids.partition, true, 'boom', 4_294_967_295]);
        });
    });

    describe('and it is a FilterRuntimeToClientMessage', () => {
        it('writes a ping the SDK recognises', () => {
            const decoded = sdkFilters.FilterRuntimeToClientMessage.deserializeBinary(processing.FilterRuntimeToClientMessage.encode({ ping: {} }).finish());
            expect(decoded.getMessageCase()).toBe(sdkFilters.FilterRuntimeToClientMessage.MessageCase.PING);
        });

        it('writes a registration response without failure that the SDK reads as success', () => {
            const decoded = sdkFilters.FilterRuntimeToClientMessage.deserializeBinary(processing.FilterRuntimeToClientMessage.encode({ registrationResponse: {} }).finish());
            expect([decoded.getMessageCase(), decoded.getRegistrationresponse()?.hasFailure()])
                .toEqual([sdkFilters.FilterRuntimeToClientMessage.MessageCase.REGISTRATIONRESPONSE, false]);
        });

        it('writes a filter request with its event and scope', () => {
            const bytes = processing.FilterRuntimeToClientMessage.encode({
                filterRequest: { callContext: { callId: guidToUuid(ids.call), executionContext: executionContext() }, event: committedEvent(), scopeId: guidToUuid(ids.partition) },
            }).finish();
            const request = sdkFilters.FilterRuntimeToClientMessage.deserializeBinary(bytes).getFilterrequest();
            expect([guidOfSdkUuid(request?.getCallcontext()?.getCallid()), sdkCommittedEventView(request!.getEvent()!), guidOfSdkUuid(request?.getScopeid())])
                .toEqual([ids.call, committedEventView(committedEvent()), ids.partition]);
        });
    });

    describe('and it is a PartitionedFilterResponse with a failure', () => {
        const bytes = processing.PartitionedFilterResponse.encode({
            callContext: { callId: guidToUuid(ids.call) },
            isIncluded: true,
            partitionId: guidToUuid(ids.partition),
            failure: { reason: 'Error: nope', retry: true, retryTimeout: millisecondsToDuration(5_250) },
        }).finish();
        const decoded = sdkPartitionedFilters.PartitionedFilterResponse.deserializeBinary(bytes);

        it('reads every field', () => {
            const failure = decoded.getFailure();
            expect([guidOfSdkUuid(decoded.getCallcontext()?.getCallid()), decoded.getIsincluded(), guidOfSdkUuid(decoded.getPartitionid()),
                failure?.getReason(), failure?.getRetry(), failure?.getRetrytimeout()?.getSeconds(), failure?.getRetrytimeout()?.getNanos()])
                .toEqual([ids.call, true, ids.partition, 'Error: nope', true, 5, 250_000_000]);
        });
    });
});
