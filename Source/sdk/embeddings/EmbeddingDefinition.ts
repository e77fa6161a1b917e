import type { EventType } from '../artifacts/EventType.js';
import type { Class } from '../decorators/decoratorCall.js';
import type { DeleteReadModelInstance } from '../projections/ProjectionResult.js';
import type { EmbeddingContext, EmbeddingProjectContext } from './EmbeddingContext.js';
import type { EmbeddingId } from './EmbeddingId.js';

/** Resolves a wanted state into the events that bring the current state there: one event or several. */
export type EmbeddingUpdateCallback<ReadModel = unknown> = (receivedState: ReadModel, currentState: ReadModel, context: EmbeddingContext) => unknown;

/** Resolves a deletion into the events that delete the state: one event or several. */
export type EmbeddingDeleteCallback<ReadModel = unknown> = (currentState: ReadModel, context: EmbeddingContext) => unknown;

/** Projects one of the embedding's events onto its state: the new state or ProjectionResult.delete. */
export type EmbeddingProjectCallback<ReadModel = unknown, Event = unknown> = (readModel: ReadModel, event: Event, context: EmbeddingProjectContext) => ReadModel | DeleteReadModelInstance | Promise<ReadModel | DeleteReadModelInstance>;

/** An embedding as the client registers it. */
export type EmbeddingDefinition = {
    readonly id: EmbeddingId;
    readonly readModelType?: Class;
    /** The initial state, as JSON. */
    readonly initialState: string;
    readonly resolveUpdate: EmbeddingUpdateCallback;
    readonly resolveDeletion: EmbeddingDeleteCallback;
    readonly handlers: ReadonlyArray<{ readonly eventType: EventType; readonly project: EmbeddingProjectCallback }>;
};
