import { eventStoreService, guidToUuid } from '@dolittle-typescript/protocol';
import { describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import { committedEventToWire, executionContextFromWire } from '../wire/index.js';
import { estimatedAnswerBytes } from './CommitOnTheWire.js';
import { AggregateVersionCache } from './AggregateVersionCache.js';
import { prepareBatch } from './prepareBatch.js';

const eventType = '9f2a1c3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const eventSource = 'bfe6f6e4-ada2-4344-8a3b-65a3e1fe16e9';
const executionContext = {
    microserviceId: guidToUuid('f39b1f61-d360-4675-b859-53c05c87c0e6'),
    tenantId: guidToUuid('445f8ea8-1a6f-40d7-b2fc-796dba92dc44'),
    version: { major: 1, minor: 2, patch: 3, build: 4, preReleaseString: 'beta' },
    correlationId: guidToUuid('00000000-0000-4000-8000-000000000001'),
    claims: [{ key: 'role', value: 'chef', valueType: 'string' }],
    environment: 'Development',
};

/** The request's size, the size of the answer the Runtime sends to it, and the estimate made before storing. */
function sizesOf(count: number, contentCharacters: number, withEventSource: boolean) {
    const events = Array.from({ length: count }, (_, number) => ({
        artifact: { id: guidToUuid(eventType), generation: 1 },
        ...(withEventSource ? { eventSourceId: guidToUuid(eventSource) } : {}),
        public: false,
        content: `{"number":${number},"text":"${'é'.repeat(contentCharacters)}"}`,
    }));
    const request = eventStoreService.commit.requestSerialize({ callContext: { executionContext }, events });
    const uncommitted = events.map((event) => ({ type: { id: eventType as Guid, generation: 1 }, eventSourceId: eventSource as Guid, public: false, content: event.content }));
    const prepared = prepareBatch([{ kind: 'events', executionContext: executionContextFromWire(executionContext, 'executionContext'), events: uncommitted }], 2 ** 40, new AggregateVersionCache(), Date.now());
    const answer = eventStoreService.commit.responseSerialize({ events: prepared.events.map(committedEventToWire) });
    return { answer: answer.length, estimate: estimatedAnswerBytes(request.length, count, executionContext) };
}

describe('when estimating the size of the answer to a commit before storing it', () => {
    it.each([
        [1, 0, true],
        [1_000, 3_000, true],
        [2_000, 0, false],
        [2_000, 1_000, false],
    ])('never estimates less than the answer has, for %i events of %i characters (with event source ids: %s)', (count, characters, withEventSource) => {
        const { answer, estimate } = sizesOf(count, characters, withEventSource);
        expect(estimate).toBeGreaterThanOrEqual(answer);
    });

    it('estimates within 5 % of a large answer', () => {
        const { answer, estimate } = sizesOf(1_000, 3_000, true);
        expect(estimate / answer).toBeLessThan(1.05);
    });
});
