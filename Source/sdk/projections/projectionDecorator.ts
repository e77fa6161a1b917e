import { decoratedClassOf, describeClass, descriptionOf, type Class } from '../decorators/decoratorCall.js';
import { ScopeId } from '../eventStore/ScopeId.js';
import type { GuidLike } from '../execution/Guid.js';
import { ProjectionId } from './ProjectionId.js';

/** The options of `@projection`: the scope it projects from. */
export type ProjectionOptions = { readonly inScope?: GuidLike };

/** What `@projection` says about a class. */
export type ProjectionDescription = { readonly id: ProjectionId; readonly scopeId: ScopeId };

const projectionKey = Symbol.for('@dolittle-typescript/sdk.projection');

/**
 * Decorates a read model class as a projection: `@projection('4a4c5b13-…')`. Its `@on(EventType, (_) => _.keyFrom…())`
 * methods change the read model (`this`) and may return ProjectionResult.delete.
 */
export function projection(id: GuidLike, options: ProjectionOptions = {}): (target: Class, context?: unknown) => void {
    const description: ProjectionDescription = { id: ProjectionId.from(id), scopeId: options.inScope === undefined ? ScopeId.default : ScopeId.from(options.inScope) };
    return (target, context) => describeClass(decoratedClassOf('projection', target, context), projectionKey, description);
}

/** What `@projection` said about a class, if it decorated it. */
export function projectionDescriptionOf(type: Class): ProjectionDescription | undefined {
    return descriptionOf<ProjectionDescription>(type, projectionKey);
}
