import { describe, expect, it } from 'vitest';
import { interpretForTests } from '../given/interpretForTests.js';
import { endpointsFile } from './endpointsFile.js';

describe('when reading endpoints.json', () => {
    describe('and it gives both ports', () => {
        it('reads them', () => {
            expect(interpretForTests(endpointsFile, { public: { port: 1 }, private: { port: 2 } }).value).toEqual({ publicPort: 1, privatePort: 2, managementPort: 51052 });
        });
    });

    describe('and it is empty', () => {
        it('uses 50052, 50053 and 51052 for the management port', () => expect(interpretForTests(endpointsFile, {}).value).toEqual({ publicPort: 50052, privatePort: 50053, managementPort: 51052 }));
    });

    describe('and the names are capitalised', () => {
        it('reads them all the same', () => {
            expect(interpretForTests(endpointsFile, { Public: { Port: 1 }, PRIVATE: { port: 2 } }).value).toEqual({ publicPort: 1, privatePort: 2, managementPort: 51052 });
        });
    });

    describe('and a port is a text', () => {
        it('reports it in the user spelling', () => {
            expect(interpretForTests(endpointsFile, { Public: { Port: '50052' } }).problems).toEqual([{
                file: '/config/endpoints.json',
                pointer: '/Public/Port',
                found: '"50052"',
                expected: 'a TCP port from 0 to 65535 (0 lets the operating system choose a free port)',
            }]);
        });
    });

    describe('and a port is out of range', () => {
        it('reports it', () => expect(interpretForTests(endpointsFile, { private: { port: 65536 } }).problems).toMatchObject([{ pointer: '/private/port', found: '65536' }]));
    });

    describe('and a property is misspelt', () => {
        it('reports it with the known properties', () => {
            expect(interpretForTests(endpointsFile, { private: { prot: 1 } }).problems)
                .toMatchObject([{ pointer: '/private/prot', found: '1', expected: 'only the properties "port"' }]);
        });
    });

    describe('and it gives the management port', () => {
        it('reads it', () => expect(interpretForTests(endpointsFile, { management: { port: 3 } }).value?.managementPort).toBe(3));
    });
});
