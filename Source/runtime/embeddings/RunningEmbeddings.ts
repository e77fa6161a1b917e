import type { Guid } from '../guids/index.js';
import type { EmbeddingProcessor } from './EmbeddingProcessor.js';

/**
 * The embedding processors running in this Runtime, by tenant and embedding: where Update and Delete find the
 * processor of a connected head, and learn at once that there is none.
 */
export class RunningEmbeddings {
    readonly #processors = new Map<string, EmbeddingProcessor>();

    /** Adds the processors of a registration, one per tenant; returns the function that removes them again. */
    add(embeddingId: Guid, processors: ReadonlyMap<Guid, EmbeddingProcessor>): () => void {
        for (const [tenantId, processor] of processors) {
            this.#processors.set(keyOf(tenantId, embeddingId), processor);
        }
        return () => {
            for (const [tenantId, processor] of processors) {
                if (this.#processors.get(keyOf(tenantId, embeddingId)) === processor) {
                    this.#processors.delete(keyOf(tenantId, embeddingId));
                }
            }
        };
    }

    /** The processor of an embedding for a tenant, or undefined when no head has it connected. */
    get(tenantId: Guid, embeddingId: Guid): EmbeddingProcessor | undefined {
        return this.#processors.get(keyOf(tenantId, embeddingId));
    }
}

function keyOf(tenantId: Guid, embeddingId: Guid): string {
    return `${tenantId}/${embeddingId}`;
}
