import { millisecondsToDuration, type dolittle } from '@dolittle-typescript/protocol';
import type { Logger } from '../logging/Logger.js';

type WireProcessorFailure = dolittle.runtime.events.processing.ProcessorFailure.$Properties;
type WireRetryState = dolittle.runtime.events.processing.RetryProcessingState.$Properties | null | undefined;

/**
 * The failure a processor reports when its code throws: the reason, and to retry after 5 s per attempt so far (at most
 * 60 s), as SDK 17 does. The Runtime keeps the position and asks again after that time.
 */
export function processingFailure(error: unknown, retryState: WireRetryState, logger: Logger, what: string): WireProcessorFailure {
    const attempt = (retryState?.retryCount ?? 0) + 1;
    const retrySeconds = Math.min(5 * attempt, 60);
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    logger.warn(`${what} failed; the Runtime will ask again`, { reason, attempt, retryInSeconds: retrySeconds });
    return { reason, retry: true, retryTimeout: millisecondsToDuration(retrySeconds * 1_000) };
}
