import { randomUUID } from 'node:crypto';
import { guidToUuid, millisecondsToTimestamp, type dolittle } from '@dolittle-typescript/protocol';
import { benchmarkEventContent } from '../events/benchmarkEventContent.js';
import { benchmarkExecutionContext } from '../events/benchmarkExecutionContext.js';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { eventSources } from '../events/eventSources.js';

type HandleEventRequest = dolittle.runtime.events.processing.HandleEventRequest.$Properties;

/**
 * A handle request shaped and sized like the Runtime's for the n-th catch-up event (a fresh call id, the committed
 * event with its execution context, an unpartitioned stream event), built afresh each time as the Runtime does.
 */
export function handleEventRequest(n: number): { readonly callId: string; readonly request: HandleEventRequest } {
    const callId = randomUUID();
    const empty = guidToUuid(benchmarkIdentifiers.emptyGuid);
    return {
        callId,
        request: {
            callContext: { callId: guidToUuid(callId), executionContext: benchmarkExecutionContext },
            event: {
                event: {
                    eventLogSequenceNumber: n,
                    occurred: millisecondsToTimestamp(Date.now()),
                    eventSourceId: guidToUuid(eventSources[n % eventSources.length]!),
                    executionContext: benchmarkExecutionContext,
                    type: { id: guidToUuid(benchmarkIdentifiers.catchUpEventType), generation: 1 },
                    public: false,
                    content: benchmarkEventContent(n),
                    external: false,
                },
                partitionId: empty,
                scopeId: empty,
                partitioned: false,
            },
        },
    };
}
