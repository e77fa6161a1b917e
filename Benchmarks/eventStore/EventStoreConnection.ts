import { connect, type ClientHttp2Session } from 'node:http2';
import { dolittle, guidToUuid } from '@dolittle-typescript/protocol';
import { benchmarkEventContent } from '../events/benchmarkEventContent.js';
import { benchmarkExecutionContext } from '../events/benchmarkExecutionContext.js';
import { eventSources } from '../events/eventSources.js';
import { grpcFrame, unaryCall } from './unaryCall.js';

type UncommittedEvent = dolittle.runtime.events.UncommittedEvent.$Properties;

/** A Commit call encoded ahead of time (the gRPC frame), so that sending it costs the client almost nothing. */
export type PreparedCommit = {
    readonly frame: Buffer;
    readonly count: number;
};

const commitPath = '/dolittle.runtime.events.EventStore/Commit';
const wireEventSources = eventSources.map(guidToUuid);

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
        return { frame: grpcFrame(body), count };
    }

    /** Sends a prepared Commit call; resolves with the sequence number of its first event. */
    async send(prepared: PreparedCommit): Promise<number> {
        const { frame, count } = prepared;
        const response = dolittle.runtime.events.CommitEventsResponse.decode(await unaryCall(this.#session, commitPath, frame, `Committing ${count} events`));
        const failure = response.failure;
        if (failure !== null && failure !== undefined) {
            throw new Error(`The Runtime refused a commit of ${count} events: ${failure.reason ?? '(no reason)'}`);
        }
        const first = response.events[0]?.eventLogSequenceNumber;
        if (response.events.length !== count || first === undefined || first === null) {
            throw new Error(`A commit of ${count} events was answered with ${response.events.length} committed events`);
        }
        return Number(first);
    }

    /** Closes the connection. */
    close(): void {
        this.#session.close();
    }
}
