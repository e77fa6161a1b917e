import { describe, expect, it } from 'vitest';
import { freezeDeeply } from './freezeDeeply.js';

describe('when freezing a value deeply', () => {
    const value = freezeDeeply({ list: [{ port: 1 }], map: new Map([['a', { port: 2 }]]) });
    it('freezes nested objects and arrays', () => {
        expect(Object.isFrozen(value.list)).toBe(true);
        expect(Object.isFrozen(value.list[0])).toBe(true);
    });
    it('freezes the values of maps', () => expect(Object.isFrozen(value.map.get('a'))).toBe(true));
    it('refuses to change a map', () => {
        expect(() => value.map.set('b', { port: 3 })).toThrow(/frozen/);
        expect(() => value.map.delete('a')).toThrow(/frozen/);
        expect(() => value.map.clear()).toThrow(/frozen/);
    });
});
