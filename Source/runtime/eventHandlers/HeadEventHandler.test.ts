import type { dolittle } from '@dolittle-typescript/protocol';
import { describe, expect, it } from 'vitest';
import { aCommittedEvent, dishPrepared } from '../eventStore/given/aCommittedEvent.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import { ReverseCallRequestTimedOut } from '../reverseCalls/index.js';
import type { EventHandlerRegistration } from './EventHandlerRegistration.js';
import { HeadEventHandler, type CallHead } from './HeadEventHandler.js';

type HandleRequest = dolittle.runtime.events.processing.HandleEventRequest.$Properties;

const registration: EventHandlerRegistration = {
    scope: emptyGuid,
    eventHandlerId: '6a7f4ab9-5c39-4d3c-8f8e-2d0b3a7c1e55' as Guid,
    types: [dishPrepared],
    partitioned: true,
};
const tenant = '445f8ea8-1a6f-40d7-b2fc-796dba92dc44' as Guid;
const event = { position: 3, partition: 'f2d366cf-c00a-4479-acc4-851e04b6fbba' as Guid, event: aCommittedEvent(7) };

describe('when the head does not answer a processing request within the request timeout', () => {
    const requests: HandleRequest[] = [];
    const neverAnswers: CallHead = (request) => {
        requests.push(request);
        return Promise.reject(new ReverseCallRequestTimedOut('connection', 'call', 250));
    };
    const handler = new HeadEventHandler(registration, tenant, neverAnswers);

    it('counts the request as a failed attempt that is retried', async () => {
        const outcome = await handler.process(event, undefined, new AbortController().signal);
        expect(outcome).toEqual({ succeeded: false, reason: 'The head did not answer the processing request within 250 ms', retry: true, retryTimeout: 5_000 });
    });

    it('sends the retry with the reason and the attempts so far', async () => {
        await handler.process(event, { reason: 'The head did not answer the processing request within 250 ms', attempts: 1 }, new AbortController().signal);
        expect(requests.at(-1)?.retryProcessingState).toEqual({ failureReason: 'The head did not answer the processing request within 250 ms', retryCount: 1 });
    });
});

describe('when the connection to the head ends while a request waits', () => {
    it('rejects, so that the processor stops or tries again shortly', async () => {
        const handler = new HeadEventHandler(registration, tenant, () => Promise.reject(new Error('The reverse call connection ended')));
        await expect(handler.process(event, undefined, new AbortController().signal)).rejects.toThrow('ended');
    });
});
