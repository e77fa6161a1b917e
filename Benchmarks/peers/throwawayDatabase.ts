import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database created for one store of one system, dropped (connections forced off) when it is no longer needed. */
export type ThrowawayDatabase = {
    readonly name: string;
    readonly connectionString: string;
    drop(): Promise<void>;
};

/** Creates a fresh database named `peers_<prefix>_<random>` on the server (a URL of its maintenance database). */
export async function createThrowawayDatabase(server: string, prefix: string): Promise<ThrowawayDatabase> {
    const name = `peers_${prefix}_${randomBytes(4).toString('hex')}`;
    await administer(server, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
        name,
        connectionString: url.toString(),
        drop: () => administer(server, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
    };
}

async function administer(server: string, statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
        await client.query(statement);
    } finally {
        await client.end();
    }
}
