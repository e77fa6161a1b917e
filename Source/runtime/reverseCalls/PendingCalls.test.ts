import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import { PendingCalls } from './PendingCalls.js';

function started(calls: PendingCalls<string>, signal?: AbortSignal): { readonly callId: Guid; readonly response: Promise<string> } {
    let callId = '' as Guid;
    const response = calls.start((id) => {
        callId = id;
    }, signal);
    return { callId, response };
}

describe('when calls are pending', () => {
    it('gives each call a fresh id', () => {
        const calls = new PendingCalls<string>();
        const ids = [started(calls).callId, started(calls).callId];
        expect(new Set(ids).size).toBe(2);
    });

    it('settles a call only with the response for its id', async () => {
        const calls = new PendingCalls<string>();
        const first = started(calls);
        const second = started(calls);
        calls.complete(second.callId, 'second');
        calls.complete(first.callId, 'first');
        expect(await Promise.all([first.response, second.response])).toEqual(['first', 'second']);
    });

    it('tells that a response for an unknown id completed nothing', () => {
        const calls = new PendingCalls<string>();
        started(calls);
        expect(calls.complete('00000000-0000-0000-0000-0000000000aa' as Guid, 'stray')).toBe(false);
    });

    it('rejects every pending call with the given error', async () => {
        const calls = new PendingCalls<string>();
        const error = new Error('the connection ended');
        const responses = [started(calls).response, started(calls).response];
        calls.rejectAll(error);
        expect(await Promise.all(responses.map((response) => response.catch((reason: unknown) => reason)))).toEqual([error, error]);
    });
});

describe('when a pending call is aborted', () => {
    it('rejects it with the abort reason and forgets it', async () => {
        const calls = new PendingCalls<string>();
        const abort = new AbortController();
        const call = started(calls, abort.signal);
        abort.abort(new Error('stopping'));
        await expect(call.response).rejects.toThrow('stopping');
        expect([calls.complete(call.callId, 'late'), calls.size]).toEqual([false, 0]);
    });

    it('rejects at once when the signal was already aborted, without sending', async () => {
        const calls = new PendingCalls<string>();
        let sent = false;
        const response = calls.start(() => {
            sent = true;
        }, AbortSignal.abort(new Error('already stopped')));
        await expect(response).rejects.toThrow('already stopped');
        expect(sent).toBe(false);
    });
});

describe('when a pending call is not answered within its timeout', () => {
    it('rejects it with the error for its id and forgets it, so a late response completes nothing', async () => {
        const calls = new PendingCalls<string>();
        let callId = '' as Guid;
        const response = calls.start((id) => {
            callId = id;
        }, undefined, { milliseconds: 1, timedOut: (id) => new Error(`call ${id} timed out`) });
        await expect(response).rejects.toThrow(`call ${callId} timed out`);
        expect([calls.complete(callId, 'late'), calls.size]).toEqual([false, 0]);
    });

    it('does not time out a call that was answered', async () => {
        const calls = new PendingCalls<string>();
        let callId = '' as Guid;
        const response = calls.start((id) => {
            callId = id;
        }, undefined, { milliseconds: 60_000, timedOut: () => new Error('timed out') });
        calls.complete(callId, 'answered');
        expect(await response).toBe('answered');
    });
});

describe('when many calls wait on one abort signal', () => {
    it('listens to the signal once, not once per call, and lets go of it when the last call settles', async () => {
        const calls = new PendingCalls<string>();
        const signal = new AbortController().signal;
        const waiting = Array.from({ length: 100 }, () => started(calls, signal));
        const listenersWhileWaiting = getEventListeners(signal, 'abort').length;
        waiting.forEach((call, index) => calls.complete(call.callId, `${index}`));
        expect([listenersWhileWaiting, (await Promise.all(waiting.map((call) => call.response))).length, getEventListeners(signal, 'abort').length]).toEqual([1, 100, 0]);
    });

    it('rejects every one of them with the reason when the signal aborts', async () => {
        const calls = new PendingCalls<string>();
        const controller = new AbortController();
        const waiting = Array.from({ length: 3 }, () => started(calls, controller.signal));
        controller.abort(new Error('the head is gone'));
        const outcomes = await Promise.allSettled(waiting.map((call) => call.response));
        expect([outcomes.map((outcome) => outcome.status === 'rejected' && (outcome.reason as Error).message), calls.size, getEventListeners(controller.signal, 'abort').length]).toEqual([
            ['the head is gone', 'the head is gone', 'the head is gone'],
            0,
            0,
        ]);
    });
});
