import { describe, expect, it } from 'vitest';
import { interpretForTests } from '../given/interpretForTests.js';
import { microservicesFile } from './microservicesFile.js';

const producer = 'a14bb24e-51f3-4d83-9eba-44c4cffe6bb9';

describe('when reading microservices.json', () => {
    it('reads each producer address by id', () => {
        expect(interpretForTests(microservicesFile, { [producer.toUpperCase()]: { Host: 'producer', Port: 50052 } }).value)
            .toEqual(new Map([[producer, { host: 'producer', port: 50052 }]]));
    });
    it('reads an empty file as no producers', () => expect(interpretForTests(microservicesFile, {}).value).toEqual(new Map()));
    it('reports a missing host and a port of 0', () => {
        expect(interpretForTests(microservicesFile, { [producer]: { port: 0 } }).problems).toMatchObject([
            { pointer: `/${producer}/host`, found: 'nothing' },
            { pointer: `/${producer}/port`, found: '0', expected: "the producer Runtime's public port, from 1 to 65535" },
        ]);
    });
    it('reports an empty host', () => {
        expect(interpretForTests(microservicesFile, { [producer]: { host: '', port: 1 } }).problems).toMatchObject([{ pointer: `/${producer}/host`, found: '""' }]);
    });
});
