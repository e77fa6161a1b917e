import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventLogSource, StreamChanges } from './StreamChanges.js';

const kitchenStream = 'stream/kitchen';
const otherStream = 'stream/other';

describe('when waiting for changes of a stream', () => {
    let changes: StreamChanges;
    let woken: boolean;
    const wait = (source: string, version: number, timeout = 60_000, signal = new AbortController().signal) => {
        woken = false;
        return changes.waitForChange(source, version, timeout, signal).then(() => {
            woken = true;
        });
    };
    beforeEach(() => {
        vi.useFakeTimers();
        changes = new StreamChanges();
    });
    afterEach(() => {
        vi.useRealTimers();
    });

    it('starts every source at version 0', () => {
        expect(changes.version(kitchenStream)).toBe(0);
    });

    it('moves the version of the changed source on', () => {
        changes.changed(kitchenStream);
        changes.changed(kitchenStream);
        expect([changes.version(kitchenStream), changes.version(otherStream)]).toEqual([2, 0]);
    });

    it('does not miss a change that came between reading the version and waiting', async () => {
        const version = changes.version(kitchenStream);
        changes.changed(kitchenStream);
        await wait(kitchenStream, version);
        expect(woken).toBe(true);
    });

    it('wakes a waiting reader when its source changes', async () => {
        const waiting = wait(kitchenStream, changes.version(kitchenStream));
        changes.changed(kitchenStream);
        await waiting;
        expect(woken).toBe(true);
    });

    it('wakes every reader waiting on the source', async () => {
        const version = changes.version(kitchenStream);
        const waiting = [changes.waitForChange(kitchenStream, version, 60_000, new AbortController().signal), changes.waitForChange(kitchenStream, version, 60_000, new AbortController().signal)];
        changes.changed(kitchenStream);
        await expect(Promise.all(waiting)).resolves.toEqual([undefined, undefined]);
    });

    it('does not wake a reader when another source changes', async () => {
        void wait(kitchenStream, changes.version(kitchenStream));
        changes.changed(otherStream);
        await vi.advanceTimersByTimeAsync(59_999);
        expect(woken).toBe(false);
    });

    it('wakes a reader when its timeout passes', async () => {
        const waiting = wait(kitchenStream, changes.version(kitchenStream), 1_000);
        await vi.advanceTimersByTimeAsync(1_000);
        await waiting;
        expect(woken).toBe(true);
    });

    it('wakes a reader at once when its signal aborts', async () => {
        const abort = new AbortController();
        const waiting = wait(kitchenStream, changes.version(kitchenStream), 60_000, abort.signal);
        abort.abort();
        await waiting;
        expect(woken).toBe(true);
    });

    it('returns at once when the signal has already aborted', async () => {
        const abort = new AbortController();
        abort.abort();
        await wait(kitchenStream, changes.version(kitchenStream), 60_000, abort.signal);
        expect(woken).toBe(true);
    });

    it('leaves no timer behind once woken', async () => {
        const waiting = wait(kitchenStream, changes.version(kitchenStream));
        changes.changed(kitchenStream);
        await waiting;
        expect(vi.getTimerCount()).toBe(0);
    });

    it('wakes a reader that waits again after a change only at the next change', async () => {
        const version = changes.version(kitchenStream);
        changes.changed(kitchenStream);
        await wait(kitchenStream, version);
        void wait(kitchenStream, changes.version(kitchenStream));
        await vi.advanceTimersByTimeAsync(1_000);
        const before = woken;
        changes.changed(kitchenStream);
        await vi.advanceTimersByTimeAsync(0);
        expect([before, woken]).toEqual([false, true]);
    });
});

describe('when naming the changes of an event log', () => {
    it('names each scope\'s log apart', () => {
        expect(eventLogSource('00000000-0000-0000-0000-000000000000')).not.toBe(eventLogSource('a14bb24e-51f3-4d83-9eba-44c4cffe6bb9'));
    });
});
