import { describe, expect, it } from 'vitest';
import { on } from '../aggregates/aggregateRootDecorators.js';
import { eventType } from '../artifacts/eventTypeDecorator.js';
import { EventTypesBuilder } from '../artifacts/EventTypesBuilder.js';
import { projection } from './projectionDecorator.js';
import { ProjectionsBuilder } from './ProjectionsBuilder.js';

@eventType('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')
class Registered {
    constructor(readonly name: string) {}
}

@projection('1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e')
class Valid {
    names = 0;

    @on(Registered, (_) => _.keyFromProperty('name'))
    registered(): void {
        this.names += 1;
    }
}

@projection('2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f')
class WithoutOn {
    names = 0;
}

class Undecorated {
    @on(Registered, (_) => _.keyFromEventSource())
    registered(): void {}
}

@projection('3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a')
class OnWithoutKeySelector {
    @on(Registered)
    registered(): void {}
}

const eventTypes = new EventTypesBuilder().register(Registered).build([]);
const build = (configure: (builder: ProjectionsBuilder) => void) => () => {
    const builder = new ProjectionsBuilder();
    configure(builder);
    return builder.build(eventTypes);
};

describe('when projections are registered', () => {
    it('reads a decorated class: its id, initial state and key selector', () => {
        const [definition] = build((builder) => builder.register(Valid))();
        expect([definition?.id.value, definition?.initialState, definition?.handlers.map((handler) => handler.keySelector.toWire())]).toEqual([
            '1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e', '{"names":0}', [{ eventPropertyKeySelector: { propertyName: 'name' } }],
        ]);
    });
    it('names the class and the fix when a projection has no @on method', () => {
        expect(build((builder) => builder.register(WithoutOn))).toThrow("Projection WithoutOn has no @on methods: decorate a method with @on(TheEventType, (_) => _.keyFromEventSource())");
    });
    it('names the class and the fix when the class has no @projection decorator', () => {
        expect(build((builder) => builder.register(Undecorated))).toThrow("Class Undecorated was registered as a projection but has no @projection decorator: add @projection('<projection id>') above the class");
    });
    it('names the method and the fix when @on has no key selector', () => {
        expect(build((builder) => builder.register(OnWithoutKeySelector))).toThrow("Projection OnWithoutKeySelector's method registered has @on without a key selector");
    });
    it('names the projection and the fix when createProjection has no read model', () => {
        expect(build((builder) => builder.createProjection('4e5f6a7b-8c9d-4e0f-8a1b-3c4d5e6f7a8b'))).toThrow('has no read model: call .forReadModel(ReadModelClass)');
    });
    it('names the projection and the fix when it projects no event type', () => {
        expect(build((builder) => builder.createProjection('5f6a7b8c-9d0e-4f1a-9b2c-4d5e6f7a8b9c').forReadModel({}))).toThrow('projects no event type: call .on(EventType');
    });
});
