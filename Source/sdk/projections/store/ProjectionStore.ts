import { guidToUuid, projectionStoreService, type dolittle } from '@dolittle-typescript/protocol';
import type { RuntimeConnection } from '../../connection/RuntimeConnection.js';
import type { Class } from '../../decorators/decoratorCall.js';
import { ScopeId } from '../../eventStore/ScopeId.js';
import type { ExecutionContext } from '../../execution/ExecutionContext.js';
import type { GuidLike } from '../../execution/Guid.js';
import { TenantId } from '../../execution/TenantId.js';
import { projectionDescriptionOf } from '../projectionDecorator.js';
import { ProjectionId } from '../ProjectionId.js';
import { Key } from '../Key.js';
import { CurrentState } from './CurrentState.js';

/** Thrown when the Runtime answers a projection store read with a failure. */
export class FailedToGetProjection extends Error {
    /** Creates the error naming the projection and the Runtime's reason. */
    constructor(readonly projection: ProjectionId, readonly scope: ScopeId, reason: string, key?: Key) {
        super(`Could not get ${key === undefined ? 'the read models' : `the read model of key '${key.value}'`} of projection ${projection.value} in scope ${scope.value}: ${reason}`);
        this.name = 'FailedToGetProjection';
    }
}

/** SDK 17's name for a failed read of one read model. */
export class FailedToGetProjectionState extends FailedToGetProjection {
    /** Creates the error naming the projection, key and reason. */
    constructor(projection: ProjectionId, scope: ScopeId, key: Key, reason: string) {
        super(projection, scope, reason, key);
        this.name = 'FailedToGetProjectionState';
    }
}

/** Thrown when a read model class is used to read a projection, but no projection is known for it. */
export class NoProjectionAssociatedWithType extends Error {
    /** Creates the error naming the class and the fix. */
    constructor(type: Class) {
        super(`No projection is associated with read model class ${type.name || '(anonymous)'}: decorate it with @projection('<id>') (or register it with withProjections(…)), or pass the projection id to get/getAll`);
        this.name = 'NoProjectionAssociatedWithType';
    }
}

/** The projection (and scope) a read model class stands for. */
export type ProjectionAssociation = { readonly id: ProjectionId; readonly scopeId: ScopeId };

/** Which read model class stands for which projection: the registered ones, else the @projection decorator. */
export class ProjectionAssociations {
    readonly #byType: ReadonlyMap<Class, ProjectionAssociation>;

    /** Creates the associations of the registered read model classes. */
    constructor(associations: ReadonlyArray<readonly [Class, ProjectionAssociation]>) {
        this.#byType = new Map(associations);
    }

    /** The projection of a read model class; throws NoProjectionAssociatedWithType. */
    of(type: Class): ProjectionAssociation {
        const known = this.#byType.get(type) ?? projectionDescriptionOf(type);
        if (known === undefined) {
            throw new NoProjectionAssociatedWithType(type);
        }
        return known;
    }
}

type Target = { readonly type: Class | undefined; readonly projection: ProjectionId; readonly scope: ScopeId };

/**
 * The read models of one tenant's projections, as the Runtime holds them: `get(ReadModel, key)`, `get(key, projectionId)`,
 * `getAll(ReadModel)`, `getAll(projectionId)` (a scope last when not the default). A key nothing was projected for
 * answers the initial state (CurrentStateType.CreatedFromInitialState).
 */
export class ProjectionStore {
    readonly #connection: RuntimeConnection;
    readonly #callContext: dolittle.services.CallRequestContext.$Properties;
    readonly #associations: ProjectionAssociations;

    /** Creates the store of the tenant in the execution context. */
    constructor(connection: RuntimeConnection, executionContext: ExecutionContext, associations: ProjectionAssociations) {
        this.#connection = connection;
        this.#callContext = { executionContext: executionContext.toWire() };
        this.#associations = associations;
    }

    /** The read model of a key. */
    get<ReadModel>(type: new (...args: never[]) => ReadModel, key: unknown, projection?: GuidLike, scope?: GuidLike): Promise<CurrentState<ReadModel>>;
    get(key: unknown, projection: GuidLike, scope?: GuidLike): Promise<CurrentState<unknown>>;
    async get(...args: ReadonlyArray<unknown>): Promise<CurrentState<unknown>> {
        const typed = typeof args[0] === 'function';
        const key = Key.from(typed ? args[1] : args[0]);
        const target = this.#target(typed ? args[0] as Class : undefined, args.slice(typed ? 2 : 1) as ReadonlyArray<GuidLike | undefined>, 'get(key, projectionId)');
        const response = await this.#connection.call(projectionStoreService.getOne, {
            callContext: this.#callContext,
            scopeId: guidToUuid(target.scope.value),
            projectionId: guidToUuid(target.projection.value),
            key: key.value,
        });
        if (response.failure) {
            throw new FailedToGetProjectionState(target.projection, target.scope, key, response.failure.reason ?? '');
        }
        if (!response.state) {
            throw new FailedToGetProjectionState(target.projection, target.scope, key, 'the Runtime answered without a state');
        }
        return CurrentState.fromWire(response.state, target.type);
    }

    /** Every stored read model of a projection, by key. */
    getAll<ReadModel>(type: new (...args: never[]) => ReadModel, projection?: GuidLike, scope?: GuidLike): Promise<Map<Key, CurrentState<ReadModel>>>;
    getAll(projection: GuidLike, scope?: GuidLike): Promise<Map<Key, CurrentState<unknown>>>;
    async getAll(...args: ReadonlyArray<unknown>): Promise<Map<Key, CurrentState<unknown>>> {
        const typed = typeof args[0] === 'function';
        const target = this.#target(typed ? args[0] as Class : undefined, args.slice(typed ? 1 : 0) as ReadonlyArray<GuidLike | undefined>, 'getAll(projectionId)');
        const response = await this.#connection.call(projectionStoreService.getAll, {
            callContext: this.#callContext,
            scopeId: guidToUuid(target.scope.value),
            projectionId: guidToUuid(target.projection.value),
        });
        if (response.failure) {
            throw new FailedToGetProjection(target.projection, target.scope, response.failure.reason ?? '');
        }
        return new Map(response.states.map((wire) => {
            const state = CurrentState.fromWire(wire, target.type);
            return [state.key, state];
        }));
    }

    #target(type: Class | undefined, [projection, scope]: ReadonlyArray<GuidLike | undefined>, untypedCall: string): Target {
        if (projection !== undefined) {
            return { type, projection: ProjectionId.from(projection), scope: scope === undefined ? ScopeId.default : ScopeId.from(scope) };
        }
        if (type === undefined) {
            throw new TypeError(`ProjectionStore.${untypedCall} needs the projection id when no read model class is given`);
        }
        const association = this.#associations.of(type);
        return { type, projection: association.id, scope: association.scopeId };
    }
}

/** SDK 17's name for the projection store. */
export type { ProjectionStore as IProjectionStore };

/** The projection store of each tenant: `client.projections.forTenant(TenantId.development)`. */
export class ProjectionStoreBuilder {
    readonly #connection: RuntimeConnection;
    readonly #executionContext: ExecutionContext;
    readonly #associations: ProjectionAssociations;

    /** Creates the builder; the client makes one. */
    constructor(connection: RuntimeConnection, executionContext: ExecutionContext, associations: ProjectionAssociations) {
        this.#connection = connection;
        this.#executionContext = executionContext;
        this.#associations = associations;
    }

    /** The projection store of a tenant. */
    forTenant(tenantId: GuidLike): ProjectionStore {
        return new ProjectionStore(this.#connection, this.#executionContext.forTenant(TenantId.from(tenantId)), this.#associations);
    }
}
