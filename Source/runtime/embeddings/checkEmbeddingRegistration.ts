import type { Tenant, TenantCheck } from '../tenancy/index.js';
import { definitionChange, type EmbeddingDefinition } from './EmbeddingDefinition.js';

/**
 * Checks, for one tenant, that the embedding may register. A new definition is stored; an unchanged one is left as it
 * is. A changed one (initial state or event types) is refused, as the original Runtime does: an embedding's states
 * come from its aggregates' events, which a new definition cannot replay, so the head must keep its definition or
 * take a new embedding id.
 */
export async function checkEmbeddingRegistration(definition: EmbeddingDefinition, tenant: Tenant): Promise<TenantCheck> {
    const stored = await tenant.storage.embeddings.definition(definition.embeddingId);
    if (stored === undefined) {
        return { store: () => tenant.storage.embeddings.saveDefinition(definition) };
    }
    const change = definitionChange(stored, definition);
    if (change !== undefined) {
        return { refused: `its definition for tenant ${tenant.id} differs from the stored one: ${change}; embeddings are not replayed, so keep the definition or use a new embedding id` };
    }
    return { store: () => Promise.resolve() };
}
