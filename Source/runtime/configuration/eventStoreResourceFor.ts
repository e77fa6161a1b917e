import { join } from 'node:path';
import type { CommandLineOptions } from './CommandLineOptions.js';
import type { EventStoreEntry } from './EventStoreEntry.js';
import { isPostgresSchemaName } from './isPostgresSchemaName.js';
import { postgresSchemaFor } from './postgresSchemaFor.js';
import type { EventStoreResource } from './RuntimeConfiguration.js';

/** The event store a resources.json entry maps onto, or why it cannot be mapped. */
export type EventStoreMapping =
    | { readonly mapped: true; readonly resource: EventStoreResource }
    | { readonly mapped: false; readonly found: string; readonly expected: string };

/** The most connections a MongoDB-shaped entry opens on PostgreSQL, whatever its maxConnectionPoolSize. */
export const mostPostgresConnectionsForMongoShape = 20;

/**
 * Maps a tenant's eventStore entry onto a store: the MongoDB shape onto the backend chosen with --store, the
 * postgres and embedded forms onto themselves.
 */
export function eventStoreResourceFor(entry: EventStoreEntry, options: CommandLineOptions): EventStoreMapping {
    switch (entry.form) {
        case 'embedded':
            return embedded(entry.database, options);
        case 'postgres':
            return {
                mapped: true,
                resource: {
                    kind: 'postgres',
                    connectionString: entry.connectionString ?? options.postgresConnectionString,
                    schema: entry.schema,
                    maximumConnections: entry.maximumConnections,
                },
            };
        case 'mongo': {
            if (options.store === 'embedded') {
                return embedded(entry.database, options);
            }
            const schema = postgresSchemaFor(entry.database);
            if (!isPostgresSchemaName(schema)) {
                return {
                    mapped: false,
                    found: `the database ${JSON.stringify(entry.database)}, which becomes the PostgreSQL schema ${JSON.stringify(schema)}`,
                    expected: 'a database name starting with a letter or underscore and not with pg_ (it names a PostgreSQL schema with --store postgres)',
                };
            }
            const maximumConnections = Math.min(entry.maxConnectionPoolSize, mostPostgresConnectionsForMongoShape);
            return { mapped: true, resource: { kind: 'postgres', connectionString: options.postgresConnectionString, schema, maximumConnections } };
        }
    }
}

function embedded(database: string, options: CommandLineOptions): EventStoreMapping {
    return { mapped: true, resource: { kind: 'embedded', file: join(options.dataFolder, `${database}.sqlite`), database } };
}
