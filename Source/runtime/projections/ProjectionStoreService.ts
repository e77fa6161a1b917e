import type * as grpc from '@grpc/grpc-js';
import { dolittle, projectionStoreService } from '@dolittle-typescript/protocol';
import { TenantIsNotConfigured } from '../eventStore/index.js';
import { otherFailure, type Failure } from '../failures/index.js';
import type { Logger } from '../logging/index.js';
import type { Tenant, Tenants } from '../tenancy/index.js';
import { executionContextFromWire, failureToWire, guidFromWire, RequestIsMalformed } from '../wire/index.js';
import { projectionFailures } from './failures.js';
import { projectionLogMessages as messages } from './logMessages.js';

type Store = typeof dolittle.runtime.projections;
type GetOneResponse = dolittle.runtime.projections.GetOneResponse.$Properties;
type GetAllResponse = dolittle.runtime.projections.GetAllResponse.$Properties;
const stateType = dolittle.runtime.projections.ProjectionCurrentStateType;

/**
 * The `dolittle.runtime.projections.Projections` service, the projection store (reference 6.3): GetOne answers a
 * key's stored read model, or the initial state when there is none (and a failure when no head ever registered the
 * projection for the tenant); GetAll answers every stored read model. Each call reads only the tenant of its call
 * context. Anything unexpected becomes the documented "Other" failure, logged once, and the server stays up.
 */
export function projectionStoreServiceFor(tenants: Tenants, logger: Logger) {
    const answer = <Request, Response>(name: string, handle: (request: Request) => Promise<Response>, failed: (failure: Failure) => Response) =>
        (call: grpc.ServerUnaryCall<Request, Response>, callback: grpc.sendUnaryData<Response>): void => {
            handle(call.request).then(
                (response) => callback(null, response),
                (error: unknown) => {
                    const expected = error instanceof RequestIsMalformed || error instanceof TenantIsNotConfigured;
                    logger.log(expected ? messages.readRejected : messages.unexpected, { method: name, error: error instanceof Error ? (expected ? error.message : error.stack ?? error.message) : String(error) });
                    callback(null, failed(otherFailure(error instanceof Error ? error.message : String(error))));
                },
            );
        };

    const tenantOf = (callContext: dolittle.services.CallRequestContext.$Properties | null | undefined): Tenant => {
        const executionContext = executionContextFromWire(callContext?.executionContext, 'callContext.executionContext');
        const tenant = tenants.get(executionContext.tenantId);
        if (tenant === undefined) {
            throw new TenantIsNotConfigured(executionContext.tenantId);
        }
        return tenant;
    };

    const getOne = async (request: InstanceType<Store['GetOneRequest']>): Promise<GetOneResponse> => {
        const tenant = tenantOf(request.callContext);
        const scope = guidFromWire(request.scopeId, 'scopeId');
        const projectionId = guidFromWire(request.projectionId, 'projectionId');
        const key = request.key ?? '';
        const definition = await tenant.storage.projections.definition(scope, projectionId);
        if (definition === undefined) {
            return { failure: failureToWire(projectionFailures.noDefinition(projectionId, scope, tenant.id)) };
        }
        const stored = await tenant.storage.projections.readModel(scope, projectionId, key);
        return {
            state: stored === undefined ? { type: stateType.CREATED_FROM_INITIAL_STATE, key, state: definition.initialState } : { type: stateType.PERSISTED, key, state: stored },
        };
    };

    const getAll = async (request: InstanceType<Store['GetAllRequest']>): Promise<GetAllResponse> => {
        const tenant = tenantOf(request.callContext);
        const scope = guidFromWire(request.scopeId, 'scopeId');
        const projectionId = guidFromWire(request.projectionId, 'projectionId');
        const readModels = await tenant.storage.projections.readModels(scope, projectionId);
        return { states: readModels.map((readModel) => ({ type: stateType.PERSISTED, key: readModel.key, state: readModel.state })) };
    };

    return {
        definition: projectionStoreService,
        implementation: {
            getOne: answer('GetOne', getOne, (failure): GetOneResponse => ({ failure: failureToWire(failure) })),
            getAll: answer('GetAll', getAll, (failure): GetAllResponse => ({ failure: failureToWire(failure) })),
        },
    };
}
