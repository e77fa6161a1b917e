import { EventStoreIsUnavailable } from '../eventStore/index.js';
import { sleep } from './sleep.js';
import type { StorageFailureLog } from './StorageFailureLog.js';

/** How long to wait before writing a position again while the store is unavailable. */
const pauseWhileUnavailable = 1_000;

/**
 * Writes a processor's state again and again while the store is unavailable. The head has already handled the event:
 * giving up here would make the processor read its stored position again and hand the head the same event a second
 * time over the same connection. Writing a state is idempotent, so writing it again after a write whose answer was
 * lost does no harm. Other errors, and a stop, end it (the event is then handed over again, as at-least-once allows).
 */
export async function saveUntilStored(save: () => Promise<void>, failures: StorageFailureLog, signal: AbortSignal): Promise<void> {
    for (;;) {
        try {
            await save();
            failures.succeeded();
            return;
        } catch (error) {
            if (!(error instanceof EventStoreIsUnavailable) || signal.aborted) {
                throw error;
            }
            failures.failed(error);
            await sleep(pauseWhileUnavailable, signal);
        }
    }
}
