import type { SkippedEvent } from './SkippedEvents.js';

/** The columns of skipped_events, on both backends, in the order skippedEventToParameters gives them. */
export const skippedEventColumns = 'scope, processor_id, source_stream_id, partition, position, event_log_sequence_number, reason, processing_attempts, skipped, skipped_by';

/** The parameters to insert one skipped_events row. */
export function skippedEventToParameters(skip: SkippedEvent): unknown[] {
    const { processor } = skip;
    return [processor.scope, processor.processorId, processor.sourceStreamId, skip.partition, skip.position, skip.eventLogSequenceNumber, skip.reason, skip.attempts, skip.skipped, skip.skippedBy];
}
