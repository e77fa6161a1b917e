import { dolittle, embeddingStoreService } from '@dolittle-typescript/protocol';
import type { Logger } from '../logging/index.js';
import type { Tenants } from '../tenancy/index.js';
import { failureToWire, guidFromWire } from '../wire/index.js';
import { embeddingFailures } from './failures.js';
import { unaryCalls } from './unaryCalls.js';

type Store = typeof dolittle.runtime.embeddings;
type GetOneResponse = dolittle.runtime.embeddings.GetOneResponse.$Properties;
type GetKeysResponse = dolittle.runtime.embeddings.GetKeysResponse.$Properties;
type GetAllResponse = dolittle.runtime.embeddings.GetAllResponse.$Properties;
const stateType = dolittle.runtime.projections.ProjectionCurrentStateType;

/**
 * The `dolittle.runtime.embeddings.EmbeddingStore` service (reference 7): GetOne answers a key's state (the initial
 * state, created from it, when the key has none or was removed); GetKeys and GetAll answer the keys and states that are
 * not removed. Each reads only the tenant of its call context; an embedding no head registered for the tenant is the
 * documented FailedToGetEmbeddingDefinition.
 */
export function embeddingStoreServiceFor(tenants: Tenants, logger: Logger) {
    const calls = unaryCalls(tenants, logger);
    const definitionOf = async (request: { readonly callContext?: dolittle.services.CallRequestContext.$Properties | null; readonly embeddingId?: dolittle.protobuf.Uuid.$Properties | null }) => {
        const { tenant } = calls.tenantOf(request.callContext);
        const embeddingId = guidFromWire(request.embeddingId, 'embeddingId');
        const definition = await tenant.storage.embeddings.definition(embeddingId);
        return { tenant, embeddingId, definition, noDefinition: failureToWire(embeddingFailures.noDefinition(embeddingId, tenant.id)) };
    };

    const getOne = async (request: InstanceType<Store['GetOneRequest']>): Promise<GetOneResponse> => {
        const { tenant, embeddingId, definition, noDefinition } = await definitionOf(request);
        if (definition === undefined) {
            return { failure: noDefinition };
        }
        const key = request.key ?? '';
        const stored = await tenant.storage.embeddings.state(embeddingId, key);
        return {
            state: stored === undefined || stored.removed
                ? { type: stateType.CREATED_FROM_INITIAL_STATE, key, state: definition.initialState }
                : { type: stateType.PERSISTED, key, state: stored.state },
        };
    };

    const getKeys = async (request: InstanceType<Store['GetKeysRequest']>): Promise<GetKeysResponse> => {
        const { tenant, embeddingId, definition, noDefinition } = await definitionOf(request);
        if (definition === undefined) {
            return { failure: noDefinition };
        }
        const states = await tenant.storage.embeddings.states(embeddingId);
        return { keys: states.filter((state) => !state.removed).map((state) => state.key) };
    };

    const getAll = async (request: InstanceType<Store['GetAllRequest']>): Promise<GetAllResponse> => {
        const { tenant, embeddingId, definition, noDefinition } = await definitionOf(request);
        if (definition === undefined) {
            return { failure: noDefinition };
        }
        const states = await tenant.storage.embeddings.states(embeddingId);
        return { states: states.filter((state) => !state.removed).map((state) => ({ type: stateType.PERSISTED, key: state.key, state: state.state })) };
    };

    return {
        definition: embeddingStoreService,
        implementation: {
            getOne: calls.answer('GetOne', getOne, (failure): GetOneResponse => ({ failure: failureToWire(failure) })),
            getKeys: calls.answer('GetKeys', getKeys, (failure): GetKeysResponse => ({ failure: failureToWire(failure) })),
            getAll: calls.answer('GetAll', getAll, (failure): GetAllResponse => ({ failure: failureToWire(failure) })),
        },
    };
}
