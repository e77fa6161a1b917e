import { sleep } from './sleep.js';
import type { StorageFailureLog } from './StorageFailureLog.js';

/** How long a loop pauses after a round that failed (usually a storage call) before it tries again. */
const pauseAfterFailure = 1_000;

/**
 * The loop every processor runs (stream processors, type filters, projections): a round at a time until the signal
 * aborts. A round that throws, unless it was stopped, is told to the failure log (an outage once, other errors each
 * time), `forget` drops what the processor kept in memory so that the next round reads its stored state again, and
 * the loop pauses a second. A round tells the failure log itself when its storage calls succeeded, before it waits
 * for new events, so that the end of an outage is logged at once.
 */
export async function repeatUntilStopped(signal: AbortSignal, failures: StorageFailureLog, round: () => Promise<void>, forget: () => void): Promise<void> {
    while (!signal.aborted) {
        try {
            await round();
        } catch (error) {
            if (signal.aborted) {
                break;
            }
            failures.failed(error);
            forget();
            await sleep(pauseAfterFailure, signal);
        }
    }
}
