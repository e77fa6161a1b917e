import { guidToUuid, projectionStoreService, serviceNameOf, type dolittle } from '@dolittle-typescript/protocol';
import type * as GrpcJs from '@grpc/grpc-js';
import { benchmarkExecutionContext } from '../events/benchmarkExecutionContext.js';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { grpc } from '../grpcJs.js';

type GetAllRequest = dolittle.runtime.projections.GetAllRequest.$Properties;
type GetAllResponse = dolittle.runtime.projections.GetAllResponse;

/** One stored read model as the projection store answers it. */
export type StoredReadModel = { readonly key: string; readonly state: string };

/** A grpc-js client of the Runtime's projection store (`dolittle.runtime.projections.Projections`), for the benchmark's tenant. */
export class ProjectionStoreConnection {
    readonly #client: GrpcJs.Client;

    /** Connects to the Runtime's private endpoint (`host:port`). */
    constructor(address: string) {
        const Client = grpc.makeClientConstructor(projectionStoreService, serviceNameOf(projectionStoreService));
        this.#client = new Client(address, grpc.credentials.createInsecure());
    }

    /** Every stored read model of a projection in the default scope; fails on a gRPC error or a failure answer. */
    getAll(projectionId: string): Promise<ReadonlyArray<StoredReadModel>> {
        const getAll = (this.#client as unknown as Record<string, (request: GetAllRequest, callback: (error: GrpcJs.ServiceError | null, response?: GetAllResponse) => void) => void>)['getAll']!;
        const request: GetAllRequest = {
            callContext: { executionContext: benchmarkExecutionContext },
            scopeId: guidToUuid(benchmarkIdentifiers.emptyGuid),
            projectionId: guidToUuid(projectionId),
        };
        return new Promise((resolve, reject) => {
            getAll.call(this.#client, request, (error, response) => {
                if (error !== null || response === undefined) {
                    reject(new Error(`GetAll of projection ${projectionId} failed: ${error?.details ?? 'no response'}`));
                    return;
                }
                if (response.failure !== null && response.failure !== undefined) {
                    reject(new Error(`GetAll of projection ${projectionId} was refused: ${response.failure.reason ?? '(no reason)'}`));
                    return;
                }
                resolve(response.states.map((state) => ({ key: state.key ?? '', state: state.state ?? '' })));
            });
        });
    }

    /** Closes the connection. */
    close(): void {
        this.#client.close();
    }
}
