import { decoratedClassOf, decoratedMethodOf, describeClass, descriptionOf, markedMethodsOf, markMethod, type Class, type MarkedMethod } from '../decorators/decoratorCall.js';
import type { GuidLike } from '../execution/Guid.js';
import { EmbeddingId } from './EmbeddingId.js';

/** What `@embedding` says about a class. */
export type EmbeddingDescription = { readonly id: EmbeddingId };

const embeddingKey = Symbol.for('@dolittle-typescript/sdk.embedding');
const resolverKey = Symbol.for('@dolittle-typescript/sdk.embeddings.resolver');

/** Which resolver a method is. */
export type ResolverMark = 'update' | 'deletion';

/**
 * Decorates a read model class as an embedding: `@embedding('e8b8d6c4-…')`. It needs a @resolveUpdateToEvents method
 * (`(updated, context) => events`), a @resolveDeletionToEvents method (`(context) => events`), and @on methods for the
 * events that change `this`.
 */
export function embedding(id: GuidLike): (target: Class, context?: unknown) => void {
    const description: EmbeddingDescription = { id: EmbeddingId.from(id) };
    return (target, context) => describeClass(decoratedClassOf('embedding', target, context), embeddingKey, description);
}

/** Decorates the method that resolves a wanted state into events: `resolve(updated: Employee, context): events`. */
export function resolveUpdateToEvents(): (target: object, contextOrKey?: unknown, descriptor?: PropertyDescriptor) => void {
    return (target, contextOrKey, descriptor) => markMethod<ResolverMark>(resolverKey, decoratedMethodOf('resolveUpdateToEvents', target, contextOrKey, descriptor), 'update');
}

/** Decorates the method that resolves a deletion into events: `remove(context): events`. */
export function resolveDeletionToEvents(): (target: object, contextOrKey?: unknown, descriptor?: PropertyDescriptor) => void {
    return (target, contextOrKey, descriptor) => markMethod<ResolverMark>(resolverKey, decoratedMethodOf('resolveDeletionToEvents', target, contextOrKey, descriptor), 'deletion');
}

/** What `@embedding` said about a class, if it decorated it. */
export function embeddingDescriptionOf(type: Class): EmbeddingDescription | undefined {
    return descriptionOf<EmbeddingDescription>(type, embeddingKey);
}

/** The resolver methods of a class. */
export function resolverMethodsOf(type: Class): ReadonlyArray<MarkedMethod<ResolverMark>> {
    return markedMethodsOf<ResolverMark>(type, resolverKey);
}
