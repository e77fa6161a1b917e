import { connect, type ClientHttp2Session } from 'node:http2';
import { dolittle, guidToUuid } from '@dolittle-typescript/protocol';
import { benchmarkExecutionContext } from '../../../events/benchmarkExecutionContext.js';
import { grpcFrame, unaryCall } from '../../../eventStore/unaryCall.js';
import { eventContent, eventNumber } from '../eventNumbers.js';
import { dolittlePeerIdentifiers, eventSourceOf } from './streamIdentifiers.js';

const callContext = { executionContext: benchmarkExecutionContext };
const artifact = { id: guidToUuid(dolittlePeerIdentifiers.eventType), generation: 1 };
const aggregateRootId = guidToUuid(dolittlePeerIdentifiers.aggregateRoot);

/**
 * The lean client of the Runtime's EventStore service: node:http2 with the protocol's generated messages, no grpc-js
 * (the load generator must cost little CPU on a two-core machine). Every call fails loudly on a gRPC error or on a
 * failure the Runtime answers with.
 */
export class LeanEventStoreClient {
    readonly #session: ClientHttp2Session;

    constructor(address: string) {
        this.#session = connect(`http://${address}`);
        this.#session.on('error', () => undefined);
    }

    /** EventStore/Commit: events of the comparison's type on the stream's event source. */
    async commit(stream: number, numbers: ReadonlyArray<number>): Promise<void> {
        const eventSourceId = guidToUuid(eventSourceOf(stream));
        const request = dolittle.runtime.events.CommitEventsRequest.encode({
            callContext,
            events: numbers.map((number) => ({ artifact, eventSourceId, public: false, content: eventContent(number) })),
        }).finish();
        const response = dolittle.runtime.events.CommitEventsResponse.decode(await this.#call('Commit', request));
        throwOnFailure(response.failure, `Committing ${numbers.length} events`);
        if (response.events.length !== numbers.length) {
            throw new Error(`A commit of ${numbers.length} events was answered with ${response.events.length} committed events`);
        }
    }

    /** EventStore/CommitForAggregate: the events of the comparison's aggregate root on the stream's event source. */
    async commitForAggregate(stream: number, numbers: ReadonlyArray<number>, expectedVersion: number): Promise<void> {
        const request = dolittle.runtime.events.CommitAggregateEventsRequest.encode({
            callContext,
            events: {
                aggregateRootId,
                eventSourceId: guidToUuid(eventSourceOf(stream)),
                expectedAggregateRootVersion: expectedVersion,
                events: numbers.map((number) => ({ artifact, public: false, content: eventContent(number) })),
            },
        }).finish();
        const response = dolittle.runtime.events.CommitAggregateEventsResponse.decode(await this.#call('CommitForAggregate', request));
        throwOnFailure(response.failure, `Committing ${numbers.length} aggregate events at version ${expectedVersion}`);
        if ((response.events?.events?.length ?? 0) !== numbers.length) {
            throw new Error(`A commit of ${numbers.length} aggregate events was answered with ${response.events?.events?.length ?? 0} committed events`);
        }
    }

    /** EventStore/FetchForAggregate: the numbers of the aggregate's events on the stream's event source, in order. */
    async fetchForAggregate(stream: number): Promise<ReadonlyArray<number>> {
        const request = dolittle.runtime.events.FetchForAggregateRequest.encode({
            callContext,
            aggregate: { aggregateRootId, eventSourceId: guidToUuid(eventSourceOf(stream)) },
        }).finish();
        const response = dolittle.runtime.events.FetchForAggregateResponse.decode(await this.#call('FetchForAggregate', request));
        throwOnFailure(response.failure, `Fetching the aggregate events of stream ${stream}`);
        return (response.events?.events ?? []).map((event) => eventNumber(event.content ?? ''));
    }

    close(): void {
        this.#session.close();
    }

    /** One unary call of the EventStore service: resolves with the encoded response. */
    #call(method: string, body: Uint8Array): Promise<Uint8Array> {
        return unaryCall(this.#session, `/dolittle.runtime.events.EventStore/${method}`, grpcFrame(body), `EventStore/${method}`);
    }
}

function throwOnFailure(failure: dolittle.protobuf.IFailure | null | undefined, what: string): void {
    if (failure !== null && failure !== undefined) {
        throw new Error(`${what} was refused by the Runtime: ${failure.reason ?? '(no reason)'}`);
    }
}
