import type { DeliveryListener, RunningConsumer } from '../PeerSystem.js';

/** One page of a polled log: the numbers of its events and the position to poll after. */
export type PolledPage = { readonly numbers: ReadonlyArray<number>; readonly next: bigint };

/**
 * Polls a log from position 0 until stopped: a full page is followed at once by the next; after a short page it
 * waits `idleMilliseconds` (0: yields to the event loop only).
 */
export function startPollingConsumer(poll: (after: bigint) => Promise<PolledPage>, pageSize: number, idleMilliseconds: number, listener: DeliveryListener): RunningConsumer {
    let running = true;
    const loop = (async () => {
        let after = 0n;
        while (running) {
            const page = await poll(after);
            after = page.next;
            if (page.numbers.length > 0) {
                listener(page.numbers);
            }
            if (page.numbers.length < pageSize) {
                await new Promise((resolve) => setTimeout(resolve, idleMilliseconds));
            }
        }
    })();
    return {
        stop: async () => {
            running = false;
            await loop;
        },
    };
}
