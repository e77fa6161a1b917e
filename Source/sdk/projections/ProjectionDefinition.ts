import type { EventType } from '../artifacts/EventType.js';
import type { Class } from '../decorators/decoratorCall.js';
import type { ScopeId } from '../eventStore/ScopeId.js';
import type { KeySelector } from './keySelectors.js';
import type { ProjectionContext } from './ProjectionContext.js';
import type { ProjectionId } from './ProjectionId.js';
import type { DeleteReadModelInstance } from './ProjectionResult.js';

/** Projects one event onto a read model: answers the new read model or ProjectionResult.delete. */
export type ProjectionCallback<ReadModel = unknown, Event = unknown> = (readModel: ReadModel, event: Event, context: ProjectionContext) => ReadModel | DeleteReadModelInstance | Promise<ReadModel | DeleteReadModelInstance>;

/** A projection as the client registers it. */
export type ProjectionDefinition = {
    readonly id: ProjectionId;
    readonly scopeId: ScopeId;
    /** The read model class (read models become objects of it), if the projection has one. */
    readonly readModelType?: Class;
    /** The initial state, as JSON. */
    readonly initialState: string;
    readonly handlers: ReadonlyArray<{ readonly eventType: EventType; readonly keySelector: KeySelector; readonly project: ProjectionCallback }>;
};
