import { describe, expect, it } from 'vitest';
import { findPortConflicts } from './findPortConflicts.js';

const port = (value: number, name: string, pointer: string) => ({ port: value, name, file: '/config/endpoints.json', pointer });

describe('when looking for endpoints on the same port', () => {
    it('reports the second endpoint, naming the first', () => {
        expect(findPortConflicts([port(1, 'public endpoint', '/public/port'), port(1, 'private endpoint', '/private/port')])).toEqual([{
            file: '/config/endpoints.json',
            pointer: '/private/port',
            found: '1, which the public endpoint (/config/endpoints.json) also uses',
            expected: 'a port for the private endpoint that no other endpoint uses',
        }]);
    });
    it('lets several endpoints ask for port 0', () => expect(findPortConflicts([port(0, 'a', '/a'), port(0, 'b', '/b')])).toEqual([]));
    it('finds nothing when the ports differ', () => expect(findPortConflicts([port(1, 'a', '/a'), port(2, 'b', '/b')])).toEqual([]));
});
