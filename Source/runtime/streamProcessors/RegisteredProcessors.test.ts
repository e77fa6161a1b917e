import { describe, expect, it } from 'vitest';
import { RegisteredProcessors } from './RegisteredProcessors.js';

const defaultScope = '00000000-0000-0000-0000-000000000000';
const otherScope = 'd1c2b3a4-9e8f-4d7c-8b6a-5f4e3d2c1b0a';
const processorId = '7a1e5f0c-3b5d-4c2b-9f57-0d6a2b0c1e11';

describe('when processors register in this Runtime process', () => {
    it('gives a free id to the first that asks', () => {
        expect(new RegisteredProcessors().register(defaultScope, processorId, 'event handler')).toBeUndefined();
    });

    it('tells a second registration of the id in the same scope what holds it', () => {
        const registered = new RegisteredProcessors();
        registered.register(defaultScope, processorId, 'event handler');
        expect(registered.register(defaultScope, processorId, 'filter')).toBe('event handler');
    });

    it('lets the same id be registered in another scope', () => {
        const registered = new RegisteredProcessors();
        registered.register(defaultScope, processorId, 'event handler');
        expect(registered.register(otherScope, processorId, 'event handler')).toBeUndefined();
    });

    it('lets the id be registered again once released', () => {
        const registered = new RegisteredProcessors();
        registered.register(defaultScope, processorId, 'event handler');
        registered.release(defaultScope, processorId);
        expect(registered.register(defaultScope, processorId, 'projection')).toBeUndefined();
    });
});
