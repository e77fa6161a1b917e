import { connect, constants, type ClientHttp2Session } from 'node:http2';
import { dolittle, guidToUuid } from '@dolittle-typescript/protocol';
import { benchmarkExecutionContext } from '../events/benchmarkExecutionContext.js';

const commitForAggregatePath = '/dolittle.runtime.events.EventStore/CommitForAggregate';
const messagePrefixLength = 5;

/** One aggregate commit: the aggregate instance, the version it is expected at, and how many events it applies. */
export type AggregateCommit = {
    readonly eventSourceId: string;
    readonly aggregateRootId: string;
    readonly expectedVersion: number;
    readonly events: number;
    readonly eventType: string;
};

/**
 * A lean gRPC client of the Runtime's EventStore/CommitForAggregate over one HTTP/2 connection (node:http2 and the
 * protocol's generated messages, as EventStoreConnection does for Commit). Fails loudly on any gRPC error or failure,
 * a concurrency conflict included: the scenarios that use it track every aggregate's version themselves.
 */
export class AggregateCommitConnection {
    readonly #session: ClientHttp2Session;

    /** Connects to a gRPC server's plaintext endpoint (`host:port`). */
    constructor(address: string) {
        this.#session = connect(`http://${address}`);
        this.#session.on('error', () => undefined);
    }

    /** Commits events for an aggregate; resolves with the aggregate's version after the commit. */
    commit(commit: AggregateCommit): Promise<number> {
        const artifact = { id: guidToUuid(commit.eventType), generation: 1 };
        const body = dolittle.runtime.events.CommitAggregateEventsRequest.encode({
            callContext: { executionContext: benchmarkExecutionContext },
            events: {
                eventSourceId: guidToUuid(commit.eventSourceId),
                aggregateRootId: guidToUuid(commit.aggregateRootId),
                expectedAggregateRootVersion: commit.expectedVersion,
                events: Array.from({ length: commit.events }, (_, index) => ({ artifact, public: false, content: `{"version":${commit.expectedVersion + index}}` })),
            },
        }).finish();
        const frame = Buffer.allocUnsafe(messagePrefixLength + body.length);
        frame[0] = 0;
        frame.writeUInt32BE(body.length, 1);
        frame.set(body, messagePrefixLength);
        return new Promise((resolve, reject) => {
            const stream = this.#session.request({
                [constants.HTTP2_HEADER_METHOD]: 'POST',
                [constants.HTTP2_HEADER_PATH]: commitForAggregatePath,
                [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
                te: 'trailers',
            });
            const chunks: Buffer[] = [];
            let status: string | undefined;
            const readStatus = (headers: Record<string, unknown>) => {
                if (headers['grpc-status'] !== undefined) {
                    status = `${String(headers['grpc-status'])} ${decodeURIComponent(String(headers['grpc-message'] ?? ''))}`;
                }
            };
            stream.on('response', readStatus);
            stream.on('trailers', readStatus);
            stream.on('data', (chunk: Buffer) => chunks.push(chunk));
            stream.on('error', (error) => reject(new Error(`Committing for aggregate ${commit.eventSourceId} failed: ${error.message}`, { cause: error })));
            stream.on('end', () => {
                if (status?.startsWith('0 ') !== true) {
                    reject(new Error(`Committing for aggregate ${commit.eventSourceId} failed with gRPC status ${status ?? '(none)'}`));
                    return;
                }
                const response = dolittle.runtime.events.CommitAggregateEventsResponse.decode(Buffer.concat(chunks).subarray(messagePrefixLength));
                if (response.failure !== null && response.failure !== undefined) {
                    reject(new Error(`The Runtime refused a commit for aggregate ${commit.eventSourceId} at version ${commit.expectedVersion}: ${response.failure.reason ?? '(no reason)'}`));
                    return;
                }
                resolve(commit.expectedVersion + commit.events);
            });
            stream.end(frame);
        });
    }

    /** Closes the connection. */
    close(): void {
        this.#session.close();
    }
}
