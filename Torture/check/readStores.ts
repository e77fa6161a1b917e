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

/** Reads every tenant's event log, read models and received events, read-only (the Runtimes may still run). */
export async function readStores(location: StoreLocation): Promise<ReadonlyArray<TenantStore>> {
    return location.kind === 'embedded' ? readEmbedded(location.dataFolder, location.consumerDataFolder) : readPostgres(location.connectionString);
}

function readEmbedded(dataFolder: string, consumerDataFolder: string): ReadonlyArray<TenantStore> {
    return tortureIdentifiers.tenants.map((_, index) => {
        const [events, readModels] = withDatabase(join(dataFolder, `${storeNameOf(index)}.sqlite`), (database) => [
            (database.prepare(eventLogQuery(defaultScope)).all() as EventRow[]).map(storedEventOf),
            readModelsOf(database.prepare(`${readModelsQuery}?`).all(tortureIdentifiers.projection) as Array<{ key: string; state: string }>),
        ] as const) ?? [[], new Map<string, number>()];
        const received = withDatabase(join(consumerDataFolder, `${consumerStoreNameOf(index)}.sqlite`), (database) =>
            (database.prepare(eventLogQuery(tortureIdentifiers.consumerScope)).all() as EventRow[]).map(storedEventOf)) ?? [];
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

async function readPostgres(connectionString: string): Promise<ReadonlyArray<TenantStore>> {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
        const stores: TenantStore[] = [];
        for (const [index] of tortureIdentifiers.tenants.entries()) {
            await client.query(`SET search_path TO ${storeNameOf(index)}`);
            const events = (await client.query<EventRow>(eventLogQuery(defaultScope))).rows.map(storedEventOf);
            const readModels = readModelsOf((await client.query<{ key: string; state: string }>(`${readModelsQuery}$1`, [tortureIdentifiers.projection])).rows);
            await client.query(`SET search_path TO ${consumerStoreNameOf(index)}`);
            const received = await client.query<EventRow>(eventLogQuery(tortureIdentifiers.consumerScope)).then((result) => result.rows.map(storedEventOf), (error: unknown) => {
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
