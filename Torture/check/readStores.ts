import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { storeNameOf, tortureIdentifiers } from '../identifiers.js';
import { eventLogQuery, readModelsOf, readModelsQuery, storedEventOf, type EventRow, type TenantStore } from './StoredEvents.js';

/** Where a run's stores are: the embedded files in the data folder, or PostgreSQL schemas on a server. */
export type StoreLocation = { readonly kind: 'embedded'; readonly dataFolder: string } | { readonly kind: 'postgres'; readonly connectionString: string };

/** Reads every tenant's event log and read models, read-only (the Runtime may still run). */
export async function readStores(location: StoreLocation): Promise<ReadonlyArray<TenantStore>> {
    return location.kind === 'embedded' ? readEmbedded(location.dataFolder) : readPostgres(location.connectionString);
}

function readEmbedded(dataFolder: string): ReadonlyArray<TenantStore> {
    return tortureIdentifiers.tenants.map((_, index) => {
        const database = new Database(join(dataFolder, `${storeNameOf(index)}.sqlite`), { readonly: true, fileMustExist: true });
        try {
            const events = (database.prepare(eventLogQuery).all() as EventRow[]).map(storedEventOf);
            const readModels = readModelsOf(database.prepare(`${readModelsQuery}?`).all(tortureIdentifiers.projection) as Array<{ key: string; state: string }>);
            return { events, readModels };
        } finally {
            database.close();
        }
    });
}

async function readPostgres(connectionString: string): Promise<ReadonlyArray<TenantStore>> {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
        const stores: TenantStore[] = [];
        for (const [index] of tortureIdentifiers.tenants.entries()) {
            await client.query(`SET search_path TO ${storeNameOf(index)}`);
            const events = (await client.query<EventRow>(eventLogQuery)).rows.map(storedEventOf);
            const readModels = readModelsOf((await client.query<{ key: string; state: string }>(`${readModelsQuery}$1`, [tortureIdentifiers.projection])).rows);
            stores.push({ events, readModels });
        }
        return stores;
    } finally {
        await client.end();
    }
}
