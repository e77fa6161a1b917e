import type { Guid } from '../guids/index.js';
import type { StreamProcessorKey } from '../streams/index.js';
import type { ProjectionDefinition } from './ProjectionDefinition.js';
import type { FailingKey, ProjectionState } from './ProjectionState.js';

/** A read model: the projection's state for one key, the JSON text exactly as the head answered it. */
export type ReadModel = {
    readonly key: string;
    readonly state: string;
};

/** What an event did to a read model: replaced its state, or deleted it. */
export type ReadModelChange = { readonly key: string; readonly state: string } | { readonly key: string; readonly state: undefined };

/**
 * What every storage backend provides for a tenant's projections: their definitions and read models, in the
 * tenant's store beside its event log and processor states, so that read models and the projection's position are
 * written in one transaction.
 */
export interface ProjectionStorage {
    /** The stored definition of a projection, if any. */
    definition(scope: Guid, projectionId: Guid): Promise<ProjectionDefinition | undefined>;
    /**
     * In one transaction: stores the definition and, when `reset` is given, deletes every read model and failing key
     * of the projection and puts its processor back at the start of the event log, so that it replays.
     */
    saveDefinition(definition: ProjectionDefinition, reset?: { readonly processor: StreamProcessorKey }): Promise<void>;
    /** The failing keys of a projection, by key (its position is the processor state's, see StreamStorage). */
    failingKeys(scope: Guid, projectionId: Guid): Promise<ReadonlyMap<string, FailingKey>>;
    /** The state of one read model, or undefined when there is none for the key. */
    readModel(scope: Guid, projectionId: Guid, key: string): Promise<string | undefined>;
    /** The states of the read models of some keys, by key; a key without a read model is left out. */
    readModelsOf(scope: Guid, projectionId: Guid, keys: ReadonlyArray<string>): Promise<ReadonlyMap<string, string>>;
    /** Every read model of a projection, in key order. */
    readModels(scope: Guid, projectionId: Guid): Promise<ReadonlyArray<ReadModel>>;
    /**
     * In one transaction: applies the changes to the projection's read models (in order: a later change of a key
     * wins) and saves its processor's state: the position, and exactly the failing keys given. A crash leaves
     * either both or neither, so no event is applied twice and none is skipped.
     */
    commit(scope: Guid, projectionId: Guid, changes: ReadonlyArray<ReadModelChange>, processor: StreamProcessorKey, state: ProjectionState): Promise<void>;
}
