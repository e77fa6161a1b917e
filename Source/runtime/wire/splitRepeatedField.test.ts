import { dolittle, eventStoreService, guidToUuid } from '@dolittle-typescript/protocol';
import { describe, expect, it } from 'vitest';
import { splitRepeatedField } from './splitRepeatedField.js';

const callContext = { executionContext: { tenantId: guidToUuid('445f8ea8-1a6f-40d7-b2fc-796dba92dc44'), claims: [{ key: 'role', value: 'chef' }] } };
const event = (number: number) => ({
    artifact: { id: guidToUuid('9f2a1c3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b'), generation: number },
    public: number % 2 === 0,
    // Long enough, for some, that the lengths of the messages around them take two or three bytes.
    content: `{"number":${number},"text":"${'é'.repeat(number * 100)}"}`,
});

describe('when taking an encoded commit apart at its events', () => {
    it('gives back a commit without events, and each event, that decode to the commit', () => {
        const events = Array.from({ length: 300 }, (_, number) => ({ ...event(number), eventSourceId: guidToUuid('bfe6f6e4-ada2-4344-8a3b-65a3e1fe16e9') }));
        const bytes = eventStoreService.commit.requestSerialize({ callContext, events });
        const split = splitRepeatedField(bytes, [2]);

        const shell = eventStoreService.commit.requestDeserialize(split!.shell);
        expect(shell.events).toEqual([]);
        expect(shell.callContext).toEqual(eventStoreService.commit.requestDeserialize(bytes).callContext);
        const decoded = split!.elements.map((element) => dolittle.runtime.events.UncommittedEvent.decode(element));
        expect(decoded).toEqual(eventStoreService.commit.requestDeserialize(bytes).events);
    });

    it('keeps the aggregate of a commit for an aggregate, with a length that fits it without its events', () => {
        const aggregate = {
            aggregateRootId: guidToUuid('8c1a7e0e-1d2b-4c3d-9e4f-5a6b7c8d9e0f'),
            eventSourceId: guidToUuid('bfe6f6e4-ada2-4344-8a3b-65a3e1fe16e9'),
            expectedAggregateRootVersion: 12345678901,
            events: Array.from({ length: 200 }, (_, number) => event(number)),
        };
        const bytes = eventStoreService.commitForAggregate.requestSerialize({ callContext, events: aggregate });
        const whole = eventStoreService.commitForAggregate.requestDeserialize(bytes);
        const split = splitRepeatedField(bytes, [2, 4]);

        const shell = eventStoreService.commitForAggregate.requestDeserialize(split!.shell);
        expect(shell.events?.events).toEqual([]);
        expect(shell.events?.aggregateRootId).toEqual(whole.events?.aggregateRootId);
        expect(shell.events?.eventSourceId).toEqual(whole.events?.eventSourceId);
        expect(String(shell.events?.expectedAggregateRootVersion)).toBe('12345678901');
        const decoded = split!.elements.map((element) => dolittle.runtime.events.UncommittedAggregateEvents.UncommittedAggregateEvent.decode(element));
        expect(decoded).toEqual(whole.events?.events);
    });

    it('answers nothing for bytes cut off in the middle, so the decoder reports them', () => {
        const bytes = eventStoreService.commit.requestSerialize({ callContext, events: [event(1), event(2)] });
        expect(splitRepeatedField(bytes.subarray(0, bytes.length - 3), [2])).toBeUndefined();
    });
});
