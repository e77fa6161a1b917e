import type { dolittle } from '@dolittle-typescript/protocol';
import type { CommittedEvent } from '../eventStore/index.js';
import type { ExecutionContext } from '../execution/index.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import type { ReverseCallConnection } from '../reverseCalls/index.js';
import { streamKeyText, type StreamKey } from '../streams/index.js';
import type { Tenant } from '../tenancy/index.js';
import { committedEventToWire } from '../wire/index.js';
import type { EventResponse } from './eventHorizonProtocols.js';

/** How many events may be in flight to one consumer, unanswered, in order. */
const eventsInFlight = 2_000;
const batchSize = 1_000;
// A stream's writer announces every append; the fallback only bounds the damage of a missed announcement.
const waitFallback = 60_000;

/** What to stream to one consumer. */
export type PartitionToStream = {
    readonly tenant: Tenant;
    readonly stream: Guid;
    readonly partition: Guid;
    readonly fromPosition: number;
    /** The execution context requests are sent in. */
    readonly executionContext: ExecutionContext;
};

/** Why streaming stopped: the connection ended, or the consumer answered an event with a failure. */
export type StreamingEnd = { readonly kind: 'ended' } | { readonly kind: 'failed'; readonly position: number; readonly failure: dolittle.protobuf.IFailure };

/**
 * Sends the events of one partition of a public stream to a consumer, in position order from the requested position,
 * with their claims cleared, keeping up to a window of them in flight; waits for the stream to grow when it has sent
 * everything (woken at once by the public filter's append). Resolves when the connection ends or the consumer answers
 * with a failure.
 */
export async function streamPublicPartition(
    connection: ReverseCallConnection<unknown, dolittle.runtime.eventhorizon.ConsumerRequest.$Properties, EventResponse, Guid>,
    partition: PartitionToStream,
): Promise<StreamingEnd> {
    const key: StreamKey = { scope: emptyGuid, streamId: partition.stream, public: true };
    const source = streamKeyText(key);
    const { changes, storage } = partition.tenant;
    const inFlight: Array<{ readonly position: number; readonly answer: Promise<EventResponse> }> = [];
    let position = partition.fromPosition;
    const settleOldest = async (): Promise<StreamingEnd | undefined> => {
        const oldest = inFlight.shift();
        if (oldest === undefined) {
            return undefined;
        }
        const answer = await oldest.answer;
        return answer.failure === null || answer.failure === undefined ? undefined : { kind: 'failed', position: oldest.position, failure: answer.failure };
    };
    try {
        while (!connection.signal.aborted) {
            const version = changes.version(source);
            const length = await storage.streams.length(key);
            const events = position < length ? await storage.streams.readPartition(key, partition.partition, position, length, batchSize) : [];
            if (events.length === 0) {
                position = Math.max(position, length);
                await changes.waitForChange(source, version, waitFallback, connection.signal);
                continue;
            }
            for (const event of events) {
                while (inFlight.length >= eventsInFlight) {
                    const failed = await settleOldest();
                    if (failed !== undefined) {
                        return failed;
                    }
                }
                const request = { event: { streamSequenceNumber: event.position, event: withoutClaims(event.event) } };
                inFlight.push({ position: event.position, answer: connection.call(request, partition.executionContext, connection.signal) });
            }
            position = events.length < batchSize ? length : events[events.length - 1]!.position + 1;
            // Drain what is in flight before waiting, so that a failure answer is seen without a new event.
            if (position >= length) {
                while (inFlight.length > 0) {
                    const failed = await settleOldest();
                    if (failed !== undefined) {
                        return failed;
                    }
                }
            }
        }
        return { kind: 'ended' };
    } catch (error) {
        if (connection.signal.aborted) {
            return { kind: 'ended' };
        }
        throw error;
    } finally {
        // Calls still in flight are rejected by the ended connection; nobody waits for them.
        inFlight.forEach((call) => void call.answer.catch(() => undefined));
    }
}

function withoutClaims(event: CommittedEvent): dolittle.runtime.events.CommittedEvent.$Properties {
    return committedEventToWire({ ...event, executionContext: { ...event.executionContext, claims: [] } });
}
