import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { consumerStoreNameOf, storeNameOf, tortureIdentifiers } from '../identifiers.js';
import { eventLogQuery, readModelsOf, readModelsQuery, storedEventOf, type EventRow, type TenantStore } from './StoredEvents.js';

/**
 * Where a run's stores are: the embedded files in the producer's and the consumer's data folders, or PostgreSQL
 * schemas on a server.
 */
export type StoreLocation =
    | { readonly kind: 'embedded'; readonly dataFolder: string; readonly consumerDataFolder: string }
    | { readonly kind: 'postgres'; readonly connectionString: string };

const defaultScope = tortureIdentifiers.emptyGuid;

/** Per tenant, the sequence numbers to read each log from: of the event log and of the consumer's scoped log. */
export type ReadFrom = { readonly events: ReadonlyArray<number>; readonly received: ReadonlyArray<number> };

const fromTheStart: ReadFrom = { events: [], received: [] };

/**
 * Reads every tenant's event log, read models and received events, read-only (the Runtimes may still run); the logs
 * from the given sequence numbers on (from the start when left out).
 */
export async function readStores(location: StoreLocation, from: ReadFrom = fromTheStart): Promise<ReadonlyArray<TenantStore>> {
    return location.kind === 'embedded' ? readEmbedded(location.dataFolder, location.consumerDataFolder, from) : readPostgres(location.connectionString, from);
}

function readEmbedded(dataFolder: string, consumerDataFolder: string, from: ReadFrom): ReadonlyArray<TenantStore> {
    return tortureIdentifiers.tenants.map((_, index) => {
        const [events, readModels] = withDatabase(join(dataFolder, `${storeNameOf(index)}.sqlite`), (database) => [
            (database.prepare(eventLogQuery(defaultScope, from.events[index])).all() as EventRow[]).map(storedEventOf),
            readModelsOf(database.prepare(`${readModelsQuery}?`).all(tortureIdentifiers.projection) as Array<{ key: string; state: string }>),
        ] as const) ?? [[], new Map<string, number>()];
        const received = withDatabase(join(consumerDataFolder, `${consumerStoreNameOf(index)}.sqlite`), (database) =>
            (database.prepare(eventLogQuery(tortureIdentifiers.consumerScope, from.received[index])).all() as EventRow[]).map(storedEventOf)) ?? [];
        return { events, readModels, received };
    });
}

/** Runs the reading on the database file, or answers undefined when the file is not there (yet). */
function withDatabase<T>(file: string, read: (database: Database.Database) => T): T | undefined {
    let database: Database.Database;
    try {
        database = new Database(file, { readonly: true, fileMustExist: true });
    } catch {
        return undefined;
    }
    try {
        return read(database);
    } catch (error) {
        // A store whose tables the Runtime has not created yet has nothing to read.
        if (error instanceof Error && error.message.includes('no such table')) {
            return undefined;
        }
        throw error;
    } finally {
        database.close();
    }
}

async function readPostgres(connectionString: string, from: ReadFrom): Promise<ReadonlyArray<TenantStore>> {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
        const stores: TenantStore[] = [];
        for (const [index] of tortureIdentifiers.tenants.entries()) {
            await client.query(`SET search_path TO ${storeNameOf(index)}`);
            const events = (await client.query<EventRow>(eventLogQuery(defaultScope, from.events[index]))).rows.map(storedEventOf);
            const readModels = readModelsOf((await client.query<{ key: string; state: string }>(`${readModelsQuery}$1`, [tortureIdentifiers.projection])).rows);
            await client.query(`SET search_path TO ${consumerStoreNameOf(index)}`);
            const received = await client.query<EventRow>(eventLogQuery(tortureIdentifiers.consumerScope, from.received[index])).then((result) => result.rows.map(storedEventOf), (error: unknown) => {
                // The consumer's schema exists once its Runtime has started.
                if (error instanceof Error && 'code' in error && error.code === '42P01') {
                    return [];
                }
                throw error;
            });
            stores.push({ events, readModels, received });
        }
        return stores;
    } finally {
        await client.end();
    }
}
