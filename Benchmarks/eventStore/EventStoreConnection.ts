import { connect, constants, type ClientHttp2Session } from 'node:http2';
import { dolittle, guidToUuid } from '@dolittle-typescript/protocol';
import { benchmarkEventContent } from '../events/benchmarkEventContent.js';
import { benchmarkExecutionContext } from '../events/benchmarkExecutionContext.js';
import { eventSources } from '../events/eventSources.js';

type UncommittedEvent = dolittle.runtime.events.UncommittedEvent.$Properties;

/** A Commit call encoded ahead of time (the gRPC frame), so that sending it costs the client almost nothing. */
export type PreparedCommit = {
    readonly frame: Buffer;
    readonly count: number;
};

const commitPath = '/dolittle.runtime.events.EventStore/Commit';
const wireEventSources = eventSources.map(guidToUuid);
const messagePrefixLength = 5;

/**
 * A lean gRPC client of the Runtime's EventStore/Commit over one HTTP/2 connection (node:http2 with the protocol's
 * generated messages, no grpc-js): on a two-core machine the load generator must cost as little CPU as it can, and
 * grpc-js's client costs about twice as much per call. Fails loudly on any gRPC error or commit failure.
 */
export class EventStoreConnection {
    readonly #session: ClientHttp2Session;
    #next = 0;

    /** Connects to a gRPC server's plaintext endpoint (`host:port`). */
    constructor(address: string) {
        // Node 24 counts the data a client has yet to send against the session memory (10 MB by default) and resets new
        // streams past it; the big-commit scenario has 120 MB in flight.
        this.#session = connect(`http://${address}`, { maxSessionMemory: 1_000 });
        // A session error also fails every call under way, which reports it.
        this.#session.on('error', () => undefined);
    }

    /** Commits `count` events of a type in one Commit call, public ones when told; resolves with the sequence number of the first. */
    commit(eventType: string, count: number, isPublic = false): Promise<number> {
        return this.send(this.prepare(eventType, count, benchmarkEventContent, wireEventSources.length, isPublic));
    }

    /**
     * Encodes a Commit call of `count` events of a type, to send later; `content` gives each event's JSON text. The
     * n-th event of the connection gets the event source id `n % eventSourceCount` of the benchmark's pool (at most
     * its size, 1,024), so consecutive events cycle through that many event sources.
     */
    prepare(eventType: string, count: number, content: (number: number) => string = benchmarkEventContent, eventSourceCount = wireEventSources.length, isPublic = false): PreparedCommit {
        const sources = Math.min(Math.max(1, eventSourceCount), wireEventSources.length);
        const artifact = { id: guidToUuid(eventType), generation: 1 };
        const events: UncommittedEvent[] = [];
        for (let index = 0; index < count; index++) {
            const n = this.#next++;
            events.push({ artifact, eventSourceId: wireEventSources[n % sources]!, public: isPublic, content: content(n) });
        }
        const body = dolittle.runtime.events.CommitEventsRequest.encode({ callContext: { executionContext: benchmarkExecutionContext }, events }).finish();
        const frame = Buffer.allocUnsafe(messagePrefixLength + body.length);
        frame[0] = 0;
        frame.writeUInt32BE(body.length, 1);
        frame.set(body, messagePrefixLength);
        return { frame, count };
    }

    /** Sends a prepared Commit call; resolves with the sequence number of its first event. */
    send(prepared: PreparedCommit): Promise<number> {
        const { frame, count } = prepared;
        return new Promise((resolve, reject) => {
            const stream = this.#session.request({
                [constants.HTTP2_HEADER_METHOD]: 'POST',
                [constants.HTTP2_HEADER_PATH]: commitPath,
                [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
                te: 'trailers',
            });
            const chunks: Buffer[] = [];
            let status: string | undefined;
            let statusMessage = '';
            const readStatus = (headers: Record<string, unknown>) => {
                if (headers['grpc-status'] !== undefined) {
                    status = String(headers['grpc-status']);
                    statusMessage = decodeURIComponent(String(headers['grpc-message'] ?? ''));
                }
            };
            stream.on('response', readStatus);
            stream.on('trailers', readStatus);
            stream.on('data', (chunk: Buffer) => chunks.push(chunk));
            stream.on('error', (error) => reject(new Error(`Committing ${count} events failed: ${error.message}`, { cause: error })));
            stream.on('end', () => {
                if (status !== '0') {
                    reject(new Error(`Committing ${count} events failed with gRPC status ${status ?? '(none)'}: ${statusMessage}`));
                    return;
                }
                const response = dolittle.runtime.events.CommitEventsResponse.decode(Buffer.concat(chunks).subarray(messagePrefixLength));
                const failure = response.failure;
                if (failure !== null && failure !== undefined) {
                    reject(new Error(`The Runtime refused a commit of ${count} events: ${failure.reason ?? '(no reason)'}`));
                    return;
                }
                const first = response.events[0]?.eventLogSequenceNumber;
                if (response.events.length !== count || first === undefined || first === null) {
                    reject(new Error(`A commit of ${count} events was answered with ${response.events.length} committed events`));
                    return;
                }
                resolve(Number(first));
            });
            stream.end(frame);
        });
    }

    /** Closes the connection. */
    close(): void {
        this.#session.close();
    }
}
