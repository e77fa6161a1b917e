import { afterEach, describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import { HttpEndpoints } from './HttpEndpoints.js';
import { Readiness } from './Readiness.js';

describe('the HTTP endpoints', () => {
    let endpoints: HttpEndpoints | undefined;
    afterEach(async () => {
        await endpoints?.close();
    });

    const start = async (readiness: Readiness) => {
        endpoints = new HttpEndpoints(readiness);
        const port = await endpoints.listen(0, '127.0.0.1');
        return (path: string, method = 'GET') => fetch(`http://127.0.0.1:${port}${path}`, { method });
    };

    describe('when the Runtime is still starting', () => {
        it('answers liveness with 200', async () => {
            const get = await start(new Readiness());
            expect((await get('/healthz')).status).toBe(200);
        });

        it('answers readiness with 503 and says why', async () => {
            const get = await start(new Readiness());
            const response = await get('/readyz');
            expect([response.status, (await response.text()).trim()]).toEqual([503, 'starting']);
        });
    });

    describe('when the Runtime is ready', () => {
        it('answers readiness with 200', async () => {
            const readiness = new Readiness();
            readiness.markReady();
            const get = await start(readiness);
            expect((await get('/readyz')).status).toBe(200);
        });
    });

    describe('when a tenant\'s store cannot be reached', () => {
        it('answers readiness with 503, naming the tenant', async () => {
            const readiness = new Readiness();
            readiness.markReady();
            readiness.markStoreUnreachable('c0ffee00-0000-4000-8000-000000000001' as Guid, 'database is locked');
            const get = await start(readiness);
            const response = await get('/readyz');
            expect([response.status, (await response.text()).trim()]).toEqual([503, 'the event store of tenant c0ffee00-0000-4000-8000-000000000001 is unreachable: database is locked']);
        });

        it('answers liveness with 200: the process itself is fine', async () => {
            const readiness = new Readiness();
            readiness.markReady();
            readiness.markStoreUnreachable('c0ffee00-0000-4000-8000-000000000001' as Guid, 'database is locked');
            const get = await start(readiness);
            expect((await get('/healthz')).status).toBe(200);
        });
    });

    describe('when the Runtime is stopping', () => {
        it('answers readiness with 503 again', async () => {
            const readiness = new Readiness();
            readiness.markReady();
            readiness.markNotReady('stopping');
            const get = await start(readiness);
            const response = await get('/readyz');
            expect([response.status, (await response.text()).trim()]).toEqual([503, 'stopping']);
        });
    });

    describe('when asked for something else', () => {
        it('answers an unknown path with 404', async () => {
            const get = await start(new Readiness());
            expect((await get('/nothing')).status).toBe(404);
        });

        it('answers a method other than GET with 405', async () => {
            const get = await start(new Readiness());
            expect((await get('/healthz', 'POST')).status).toBe(405);
        });
    });
});
