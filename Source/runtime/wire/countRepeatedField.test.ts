import { eventStoreService, guidToUuid } from '@dolittle-typescript/protocol';
import { describe, expect, it } from 'vitest';
import { countRepeatedField } from './countRepeatedField.js';

const callContext = { executionContext: { tenantId: guidToUuid('445f8ea8-1a6f-40d7-b2fc-796dba92dc44'), claims: [{ key: 'role', value: 'chef' }] } };
const event = (number: number) => ({
    artifact: { id: guidToUuid('9f2a1c3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b'), generation: number },
    eventSourceId: guidToUuid('bfe6f6e4-ada2-4344-8a3b-65a3e1fe16e9'),
    public: number % 2 === 0,
    content: `{"number":${number},"text":"${'é'.repeat(number)}"}`,
});

describe('when counting the events of an encoded commit without decoding it', () => {
    it('counts every event of a commit', () => {
        const bytes = eventStoreService.commit.requestSerialize({ callContext, events: Array.from({ length: 300 }, (_, number) => event(number)) });
        expect(countRepeatedField(bytes, [2])).toBe(300);
    });

    it('counts the events inside the aggregate events of a commit for an aggregate', () => {
        const events = { aggregateRootId: guidToUuid('8c1a7e0e-1d2b-4c3d-9e4f-5a6b7c8d9e0f'), expectedAggregateRootVersion: 12345678901, events: Array.from({ length: 7 }, (_, number) => event(number)) };
        const bytes = eventStoreService.commitForAggregate.requestSerialize({ callContext, events });
        expect(countRepeatedField(bytes, [2, 4])).toBe(7);
    });

    it('counts none in a commit without events', () => {
        expect(countRepeatedField(eventStoreService.commit.requestSerialize({ callContext, events: [] }), [2])).toBe(0);
    });

    it('answers nothing for bytes cut off in the middle, so the decoder reports them', () => {
        const bytes = eventStoreService.commit.requestSerialize({ callContext, events: [event(1), event(2)] });
        expect(countRepeatedField(bytes.subarray(0, bytes.length - 3), [2])).toBeUndefined();
    });
});
