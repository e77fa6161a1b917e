import { eventStoreService, guidToUuid, serviceNameOf, type dolittle } from '@dolittle-typescript/protocol';
import type * as GrpcJs from '@grpc/grpc-js';
import { benchmarkEventContent } from '../events/benchmarkEventContent.js';
import { benchmarkExecutionContext } from '../events/benchmarkExecutionContext.js';
import { eventSources } from '../events/eventSources.js';
import { grpc } from '../grpcJs.js';

type CommitRequest = dolittle.runtime.events.CommitEventsRequest.$Properties;
type CommitResponse = dolittle.runtime.events.CommitEventsResponse;
type Commit = (request: CommitRequest, callback: (error: GrpcJs.ServiceError | null, response?: CommitResponse) => void) => void;
type UncommittedEvent = dolittle.runtime.events.UncommittedEvent.$Properties;

const wireEventSources = eventSources.map(guidToUuid);

/** A raw gRPC client of the Runtime's EventStore service: commits benchmark events and fails loudly on any failure. */
export class EventStoreConnection {
    readonly #client: GrpcJs.Client;
    readonly #commit: Commit;
    #next = 0;

    /** Connects to the Runtime's private endpoint (`host:port`). */
    constructor(address: string) {
        const Client = grpc.makeClientConstructor(eventStoreService, serviceNameOf(eventStoreService));
        this.#client = new Client(address, grpc.credentials.createInsecure());
        this.#commit = (this.#client as unknown as Record<string, Commit>)['commit']!.bind(this.#client);
    }

    /** Commits `count` events of a type in one Commit call; resolves with the sequence number of the first. */
    commit(eventType: string, count: number): Promise<number> {
        const artifact = { id: guidToUuid(eventType), generation: 1 };
        const events: UncommittedEvent[] = [];
        for (let index = 0; index < count; index++) {
            const n = this.#next++;
            events.push({ artifact, eventSourceId: wireEventSources[n % wireEventSources.length]!, public: false, content: benchmarkEventContent(n) });
        }
        return new Promise((resolve, reject) => {
            this.#commit({ callContext: { executionContext: benchmarkExecutionContext }, events }, (error, response) => {
                if (error !== null) {
                    reject(new Error(`Committing ${count} events failed with gRPC status ${error.code}: ${error.details}`, { cause: error }));
                    return;
                }
                const failure = response?.failure;
                if (failure !== null && failure !== undefined) {
                    reject(new Error(`The Runtime refused a commit of ${count} events: ${failure.reason ?? '(no reason)'}`));
                    return;
                }
                const first = response?.events[0]?.eventLogSequenceNumber;
                if (response?.events.length !== count || first === undefined || first === null) {
                    reject(new Error(`A commit of ${count} events was answered with ${response?.events.length ?? 0} committed events`));
                    return;
                }
                resolve(Number(first));
            });
        });
    }

    /** Closes the channel. */
    close(): void {
        this.#client.close();
    }
}
