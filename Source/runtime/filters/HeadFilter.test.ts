import { describe, expect, it } from 'vitest';
import { aCommittedEvent } from '../eventStore/given/aCommittedEvent.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import { ReverseCallRequestTimedOut } from '../reverseCalls/index.js';
import { HeadFilter } from './HeadFilter.js';

const tenant = '445f8ea8-1a6f-40d7-b2fc-796dba92dc44' as Guid;
const event = { position: 0, partition: emptyGuid, event: aCommittedEvent(0) };

describe('when the head of a filter does not answer a request within the request timeout', () => {
    const filter = new HeadFilter({ kind: 'partitioned', scope: emptyGuid, filterId: 'a14bb24e-51f3-4d83-9eba-44c4cffe6bb9' as Guid }, tenant, () =>
        Promise.reject(new ReverseCallRequestTimedOut('connection', 'call', 250)));

    it('counts the request as a failed attempt that is retried', async () => {
        expect(await filter.process(event, undefined, new AbortController().signal)).toEqual({
            succeeded: false,
            reason: 'The head did not answer the processing request within 250 ms',
            retry: true,
            retryTimeout: 5_000,
        });
    });
});
