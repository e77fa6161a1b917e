import { describe, expect, it } from 'vitest';
import { EventStoreIsUnavailable } from '../eventStore/EventStoreIsUnavailable.js';
import { watchForOutages } from './watchForOutages.js';

const unavailable = (message: string) => Object.assign(new Error(message), { code: 'UNAVAILABLE_FOR_TEST' });

/** A storage as the backends write one: state in private fields, asynchronous and synchronous failures. */
class StorageForTest {
    readonly #rows = [1, 2, 3];
    #failure: unknown;

    failWith(failure: unknown): void {
        this.#failure = failure;
    }

    read(): Promise<ReadonlyArray<number>> {
        return this.#failure === undefined ? Promise.resolve(this.#rows) : Promise.reject(this.#failure);
    }

    // The embedded backend's statements throw before any promise is made.
    readAtOnce(): Promise<number> {
        if (this.#failure !== undefined) {
            throw this.#failure;
        }
        return Promise.resolve(this.#rows.length);
    }
}

function watched() {
    const reported: EventStoreIsUnavailable[] = [];
    const storage = new StorageForTest();
    const watchedStorage = watchForOutages(storage, {
        isUnavailable: (error) => error instanceof Error && 'code' in error && error.code === 'UNAVAILABLE_FOR_TEST',
        unavailable: (error) => reported.push(error),
    });
    return { storage, watchedStorage, reported };
}

describe('when watching a storage for outages', () => {
    describe('and a call succeeds', () => {
        it('answers what the storage answered, its private state intact', async () => {
            const { watchedStorage } = watched();
            expect([await watchedStorage.read(), await watchedStorage.readAtOnce()]).toEqual([[1, 2, 3], 3]);
        });
    });

    describe('and a call fails because the database is unavailable', () => {
        it('rejects with EventStoreIsUnavailable, saying what the database said and keeping its error', async () => {
            const { storage, watchedStorage } = watched();
            const cause = unavailable('connect ECONNREFUSED 127.0.0.1:5432');
            storage.failWith(cause);
            const error = await watchedStorage.read().catch((failure: unknown) => failure);
            expect(error).toBeInstanceOf(EventStoreIsUnavailable);
            expect([(error as EventStoreIsUnavailable).detail, (error as Error).cause]).toEqual(['connect ECONNREFUSED 127.0.0.1:5432', cause]);
        });

        it('reports it', async () => {
            const { storage, watchedStorage, reported } = watched();
            storage.failWith(unavailable('database is locked'));
            await watchedStorage.read().catch(() => undefined);
            expect(reported.map((error) => error.detail)).toEqual(['database is locked']);
        });

        it('does the same when the storage throws at once instead of rejecting', async () => {
            const { storage, watchedStorage, reported } = watched();
            storage.failWith(unavailable('database is locked'));
            const error = await watchedStorage.readAtOnce().catch((failure: unknown) => failure);
            expect([error instanceof EventStoreIsUnavailable, reported.length]).toEqual([true, 1]);
        });

        it('reports one the storage classified itself, unchanged', async () => {
            const { storage, watchedStorage, reported } = watched();
            const classified = new EventStoreIsUnavailable('database is locked');
            storage.failWith(classified);
            const error = await watchedStorage.read().catch((failure: unknown) => failure);
            expect([error, reported]).toEqual([classified, [classified]]);
        });
    });

    describe('and a call fails for another reason', () => {
        it('rejects with the storage\'s error and reports nothing', async () => {
            const { storage, watchedStorage, reported } = watched();
            const broken = new Error('no such table: event_log');
            storage.failWith(broken);
            const error = await watchedStorage.read().catch((failure: unknown) => failure);
            expect([error, reported]).toEqual([broken, []]);
        });
    });
});
