import { dolittle, guidToUuid } from '@dolittle-typescript/protocol';
import { describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import { ReverseCallRequestTimedOut } from '../reverseCalls/index.js';
import { embeddingHeadOver } from './EmbeddingHead.js';
import type { EmbeddingRequest } from './embeddingsProtocol.js';

const eventType = '1c2d3e4f-0000-4000-8000-000000000001' as Guid;
const eventSourceId = '1c2d3e4f-0000-4000-8000-0000000000ff' as Guid;
const current = { key: 'shelf', state: '{"count":1}', persisted: true };
const event = { type: { id: eventType, generation: 2 }, public: true, content: '{"by":1}' };

/** A head over a reverse call whose client answers every request with the given message, recording the requests. */
function headAnswering(answer: dolittle.runtime.embeddings.EmbeddingResponse.$Properties | Error) {
    const requests: EmbeddingRequest[] = [];
    const head = embeddingHeadOver((request) => {
        requests.push(request);
        return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(dolittle.runtime.embeddings.EmbeddingResponse.fromObject(answer));
    }, new AbortController().signal);
    return { head, requests };
}

describe('when the Runtime asks an embedding\'s head', () => {
    it('sends a compare with the current state as persisted and the desired state, and reads the events', async () => {
        const { head, requests } = headAnswering({ compare: { events: [{ artifact: { id: guidToUuid(eventType), generation: 2 }, public: true, content: '{"by":1}' }] } });
        const answer = await head.compare(current, '{"count":2}');
        expect([answer, requests[0]?.compare?.projectionState?.type, requests[0]?.compare?.entityState]).toEqual([
            { answered: true, value: [event] },
            dolittle.runtime.projections.ProjectionCurrentStateType.PERSISTED,
            '{"count":2}',
        ]);
    });
    it('sends a projection with the event source id derived from the key, and reads the state or the deletion', async () => {
        const replaced = headAnswering({ projectionReplace: { state: '{"count":2}' } });
        const deleted = headAnswering({ projectionDelete: {} });
        expect([
            await replaced.head.project({ ...current, persisted: false }, event, eventSourceId),
            await deleted.head.project(current, event, eventSourceId),
            replaced.requests[0]?.projection?.event?.eventSourceId,
            replaced.requests[0]?.projection?.currentState?.type,
        ]).toEqual([
            { answered: true, value: { state: '{"count":2}' } },
            { answered: true, value: { state: undefined } },
            guidToUuid(eventSourceId),
            dolittle.runtime.projections.ProjectionCurrentStateType.CREATED_FROM_INITIAL_STATE,
        ]);
    });
    it('turns the head\'s failure into its reason', async () => {
        const { head } = headAnswering({ failure: { reason: 'EmbeddingUpdateMethodFailed: no' } });
        expect(await head.compare(current, '{}')).toEqual({ answered: false, reason: 'the head failed the compare request: EmbeddingUpdateMethodFailed: no' });
    });
    it('refuses an answer with neither an answer nor a failure', async () => {
        const { head } = headAnswering({});
        expect(await head.delete(current)).toEqual({ answered: false, reason: 'the head answered the delete request with neither an answer nor a failure' });
    });
    it('refuses an answer of the wrong kind', async () => {
        const { head } = headAnswering({ projectionReplace: { state: '{}' } });
        expect(await head.compare(current, '{}')).toEqual({ answered: false, reason: 'the head answered the compare request with a projected state' });
    });
    it('refuses events whose content is not a JSON object, naming the event', async () => {
        const { head } = headAnswering({ compare: { events: [{ artifact: { id: guidToUuid(eventType) }, content: '[1, 2]' }] } });
        expect(await head.compare(current, '{}')).toEqual({ answered: false, reason: expect.stringContaining(`event 0 (type ${eventType}) whose content is not a JSON object`) });
    });
    it('refuses a projected state that is not JSON', async () => {
        const { head } = headAnswering({ projectionReplace: { state: 'count: 2' } });
        expect(await head.project(current, event, eventSourceId)).toEqual({ answered: false, reason: 'the head projected a state that is not JSON: count: 2' });
    });
    it('says when the head did not answer in time', async () => {
        const { head } = headAnswering(new ReverseCallRequestTimedOut('connection', 'call', 30_000));
        expect(await head.compare(current, '{}')).toEqual({ answered: false, reason: 'the head did not answer the compare request within 30000 ms' });
    });
});
