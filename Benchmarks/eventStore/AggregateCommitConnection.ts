import { connect, type ClientHttp2Session } from 'node:http2';
import { dolittle, guidToUuid } from '@dolittle-typescript/protocol';
import { benchmarkExecutionContext } from '../events/benchmarkExecutionContext.js';
import { grpcFrame, unaryCall } from './unaryCall.js';

const commitForAggregatePath = '/dolittle.runtime.events.EventStore/CommitForAggregate';

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
    async commit(commit: AggregateCommit): Promise<number> {
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
        const answer = await unaryCall(this.#session, commitForAggregatePath, grpcFrame(body), `Committing for aggregate ${commit.eventSourceId}`);
        const response = dolittle.runtime.events.CommitAggregateEventsResponse.decode(answer);
        if (response.failure !== null && response.failure !== undefined) {
            throw new Error(`The Runtime refused a commit for aggregate ${commit.eventSourceId} at version ${commit.expectedVersion}: ${response.failure.reason ?? '(no reason)'}`);
        }
        return commit.expectedVersion + commit.events;
    }

    /** Closes the connection. */
    close(): void {
        this.#session.close();
    }
}
