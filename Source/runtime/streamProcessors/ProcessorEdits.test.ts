import { describe, expect, it } from 'vitest';
import { ProcessorEdits, ProcessorHasStopped } from './ProcessorEdits.js';

describe('when an operator edits a running processor', () => {
    it('wakes the processor as soon as an edit waits', () => {
        const edits = new ProcessorEdits<number>(new AbortController().signal);
        const before = edits.waiting.aborted;
        void edits.submit((state) => Promise.resolve(state + 1));
        expect([before, edits.waiting.aborted]).toEqual([false, true]);
    });

    it('applies the waiting edits in order and answers each with the state after it', async () => {
        const edits = new ProcessorEdits<number>(new AbortController().signal);
        const first = edits.submit((state) => Promise.resolve(state + 1));
        const second = edits.submit((state) => Promise.resolve(state * 10));
        const state = await edits.apply(1);
        expect([state, await first, await second, edits.waiting.aborted]).toEqual([20, 2, 20, false]);
    });

    it('rejects an edit that fails and goes on from the state before it', async () => {
        const edits = new ProcessorEdits<number>(new AbortController().signal);
        const failing = edits.submit(() => Promise.reject(new Error('the partition is not failing')));
        const next = edits.submit((state) => Promise.resolve(state + 1));
        const state = await edits.apply(5);
        expect([state, await failing.catch((error: Error) => error.message), await next]).toEqual([6, 'the partition is not failing', 6]);
    });

    it('rejects waiting and later edits once the processor stopped', async () => {
        const edits = new ProcessorEdits<number>(new AbortController().signal);
        const waiting = edits.submit((state) => Promise.resolve(state));
        edits.stop();
        const later = edits.submit((state) => Promise.resolve(state));
        expect([await waiting.catch((error: unknown) => error instanceof ProcessorHasStopped), await later.catch((error: unknown) => error instanceof ProcessorHasStopped)]).toEqual([true, true]);
    });

    it('wakes a waiting processor when it stops', () => {
        const stop = new AbortController();
        const edits = new ProcessorEdits<number>(stop.signal);
        const waiting = edits.waiting;
        stop.abort();
        expect([waiting.aborted, edits.waiting.aborted]).toEqual([true, true]);
    });
});
