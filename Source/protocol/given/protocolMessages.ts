// Builders of our messages as plain objects with the same content as the SDK builders in sdkMessages.ts.
import type { dolittle } from '../generated/protocol.js';
import { guidToUuid } from '../guidToUuid.js';
import { millisecondsToTimestamp } from '../timestamps.js';
import { ids } from './sdkMessages.js';

/** Our execution context with the same content as `sdkExecutionContext()`. */
export function executionContext(): dolittle.execution.ExecutionContext.$Properties {
    return {
        microserviceId: guidToUuid(ids.microservice),
        tenantId: guidToUuid(ids.tenant),
        version: { major: 17, minor: 0, patch: 1, build: 42, preReleaseString: 'beta.3' },
        correlationId: guidToUuid(ids.correlation),
        claims: [{ key: 'name', value: 'Ada', valueType: 'string' }, { key: 'role', value: 'cook', valueType: 'string' }],
        environment: 'Development',
    };
}

/** Our event type artifact with the same content as `sdkEventType()`. */
export function eventType(generation = 1): dolittle.artifacts.Artifact.$Properties {
    return { id: guidToUuid(ids.eventType), generation };
}

/** Our committed event with the same content as `sdkCommittedEvent()`. */
export function committedEvent(): dolittle.runtime.events.CommittedEvent.$Properties {
    return {
        eventLogSequenceNumber: 4_294_967_301,
        occurred: millisecondsToTimestamp(1_700_000_000_123),
        eventSourceId: guidToUuid(ids.eventSource),
        executionContext: executionContext(),
        type: eventType(2),
        public: true,
        content: '{"dish":"Bean Blaster Taco","chef":"Mr. Taco"}',
        external: true,
        externalEventLogSequenceNumber: 7,
        externalEventReceived: millisecondsToTimestamp(1_700_000_001_456),
    };
}
