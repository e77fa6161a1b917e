import { describe, expect, it } from 'vitest';
import { eventType } from '../artifacts/eventTypeDecorator.js';
import { EventTypesBuilder } from '../artifacts/EventTypesBuilder.js';
import { eventHandler, handles } from './eventHandler.js';
import { EventHandlersBuilder } from './EventHandlersBuilder.js';

@eventType('6b1d3f5a-7c9e-4b2d-8f4a-6c8e0a2b4d6f')
class Registered {}

class NotAnEventType {}

@eventHandler('7c2e4a6b-8d0f-4c3e-9a5b-7d9f1b3c5e7a')
class Valid {
    @handles(Registered)
    registered(): void {}
}

class Undecorated {
    @handles(Registered)
    registered(): void {}
}

@eventHandler('8d3f5b7c-9e1a-4d4f-8b6c-8e0a2c4d6f8b')
class HandlesAnUnknownType {
    @handles(NotAnEventType)
    notAnEventType(): void {}
}

@eventHandler('9e4a6c8d-0f2b-4e5a-9c7d-9f1b3d5e7a9c')
class WithoutMethods {}

const build = (type: abstract new () => unknown) => {
    const handlers = new EventHandlersBuilder().register(type);
    return handlers.build(new EventTypesBuilder().build(handlers.referencedClasses()));
};

describe('when registering event handler classes', () => {
    it('finds the @handles methods and their event types (standard decorators)', () => expect(build(Valid)[0]?.handlers.map((handler) => handler.eventType.id.value)).toEqual(['6b1d3f5a-7c9e-4b2d-8f4a-6c8e0a2b4d6f']));
    it('refuses a class without @eventHandler, naming it and the fix', () => expect(() => build(Undecorated)).toThrow(/Class Undecorated was registered as an event handler but has no @eventHandler decorator: add @eventHandler/));
    it('refuses a handler of a class that is no event type, naming the method and the fix', () => expect(() => build(HandlesAnUnknownType)).toThrow(/HandlesAnUnknownType's method notAnEventType handles an unknown event type: Class NotAnEventType has no event type: decorate its class with @eventType/));
    it('refuses a handler without @handles methods', () => expect(() => build(WithoutMethods)).toThrow(/WithoutMethods has no @handles methods/));
});
