import { describe, expect, it } from 'vitest';
import { on } from '../aggregates/aggregateRootDecorators.js';
import { eventType } from '../artifacts/eventTypeDecorator.js';
import { EventTypesBuilder } from '../artifacts/EventTypesBuilder.js';
import { embedding, resolveDeletionToEvents, resolveUpdateToEvents } from './embeddingDecorators.js';
import { EmbeddingsBuilder } from './EmbeddingsBuilder.js';

@eventType('1d3c5b7a-9f1e-4d6c-8a8b-0c2e4f6a8b0d')
class Counted {}

@embedding('2e4d6c8b-0a2f-4e7d-9b9c-1d3f5a7b9c1e')
class WithoutCompare {
    count = 0;

    @resolveDeletionToEvents()
    remove(): unknown {
        return new Counted();
    }

    @on(Counted)
    counted(): void {
        this.count += 1;
    }
}

@embedding('3f5e7d9c-1b3a-4f8e-8cad-2e4a6b8c0d2f')
class WithoutDeletion {
    @resolveUpdateToEvents()
    compare(): unknown {
        return new Counted();
    }

    @on(Counted)
    counted(): void {}
}

class Undecorated {}

const eventTypes = new EventTypesBuilder().register(Counted).build([]);
const build = (configure: (builder: EmbeddingsBuilder) => void) => () => {
    const builder = new EmbeddingsBuilder();
    configure(builder);
    return builder.build(eventTypes);
};

describe('when embeddings are registered', () => {
    it('names the class and the fix when an embedding has no compare (update resolver)', () => {
        expect(build((builder) => builder.register(WithoutCompare))).toThrow('Embedding WithoutCompare has no method that resolves an update to events (its compare): add a method decorated with @resolveUpdateToEvents()');
    });
    it('names the class and the fix when an embedding has no deletion resolver', () => {
        expect(build((builder) => builder.register(WithoutDeletion))).toThrow('Embedding WithoutDeletion has no method that resolves a deletion to events: add a method decorated with @resolveDeletionToEvents()');
    });
    it('names the class and the fix when the class has no @embedding decorator', () => {
        expect(build((builder) => builder.register(Undecorated))).toThrow("Class Undecorated was registered as an embedding but has no @embedding decorator: add @embedding('<embedding id>') above the class");
    });
    it('names the embedding and the fix when a built embedding has no update resolver', () => {
        expect(build((builder) => builder.createEmbedding('4a6f8e0d-2c4b-4a9f-9dbe-3f5b7c9d1e3a').forReadModel({ count: 0 }).on(Counted, (state) => state))).toThrow('has no update resolver: call .resolveUpdateToEvents(');
    });
});
