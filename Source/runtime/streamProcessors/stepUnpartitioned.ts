import type { UnpartitionedStreamProcessorState } from '../streams/index.js';
import { streamProcessorLogMessages as messages } from './logMessages.js';
import { retryTimeFor } from './retryTimeFor.js';
import type { StepContext, StepResult } from './StreamProcessor.js';

/**
 * One step of an unpartitioned processor: processes the next batch in order and halts at the first failing
 * event, which is retried (with its retry state) once its retry time has come.
 */
export async function stepUnpartitioned(initial: UnpartitionedStreamProcessorState, context: StepContext): Promise<StepResult> {
    let state = initial;
    if (state.failure !== undefined && state.failure.retryTime > context.now()) {
        return { state, progressed: false, wakeAt: state.failure.retryTime };
    }
    const events = await context.source.read(state.position, context.batchSize);
    if (events.length === 0) {
        return { state, progressed: false, wakeAt: Number.MAX_SAFE_INTEGER };
    }
    for (const event of events) {
        if (context.signal.aborted || event.position !== state.position) {
            break;
        }
        await context.roomFor(event.position, 0);
        const failure = state.failure;
        const outcome = await context.process(event, failure === undefined ? undefined : { reason: failure.reason, attempts: failure.attempts });
        if (context.signal.aborted) {
            break;
        }
        const now = context.now();
        if (outcome.succeeded) {
            state = { partitioned: false, position: event.position + 1, lastSuccessfullyProcessed: now, failure: undefined };
            // The end of a failure is written at once, like the failure was.
            await (failure === undefined ? context.progress(state, outcome) : context.write(state, outcome));
            context.processed(event);
            if (failure !== undefined) {
                context.logger.log(messages.recovered, { position: event.position, attempts: failure.attempts });
            }
            continue;
        }
        const attempts = (failure?.attempts ?? 0) + 1;
        const retryTime = retryTimeFor(outcome, now);
        state = { ...state, failure: { reason: outcome.reason, attempts, retryTime, lastFailed: now } };
        await context.write(state);
        context.logger.log(messages.processingFailed, {
            position: event.position,
            eventLogSequenceNumber: event.event.sequenceNumber,
            reason: outcome.reason,
            attempts,
            retryIn: outcome.retry ? retryTime - now : 'never (until the head registers again)',
        });
        return { state, progressed: false, wakeAt: retryTime };
    }
    return { state, progressed: true, wakeAt: context.now() };
}
