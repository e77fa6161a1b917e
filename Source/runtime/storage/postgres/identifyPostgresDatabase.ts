import pg from 'pg';

/** How long asking a server who it is may take to connect. */
const connectionTimeoutMilliseconds = 10_000;
/** insufficient_privilege and undefined_function: a server that does not let everyone read its control data. */
const controlDataIsHidden = new Set(['42501', '42883']);

/**
 * Asks the server a connection string leads to which database it connects to, and returns a text that is the same
 * for every connection string that leads to the same database of the same server however its address is spelled
 * (`localhost`, `127.0.0.1`, a DNS alias, a Unix socket, a connection pooler) and differs for any other: the
 * cluster's system identifier, the time its server started (which tells apart copies of one cluster, which share
 * the identifier) and the database's name. Only compared, never shown. Throws the driver's error when the server
 * cannot be asked.
 */
export async function identifyPostgresDatabase(connectionString: string): Promise<string> {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: connectionTimeoutMilliseconds, application_name: 'dolittle-runtime' });
    // A connection the server ends between two queries reports it as an event too; its queries fail with it.
    client.on('error', () => undefined);
    await client.connect();
    try {
        const server = await client.query<{ database: string; started: string }>(
            'SELECT current_database() AS database, EXTRACT(EPOCH FROM pg_postmaster_start_time())::text AS started',
        );
        const row = server.rows[0];
        if (row === undefined) {
            throw new Error('the server answered no row when asked for its database and start time');
        }
        return `${await systemIdentifier(client)} ${row.started} ${row.database}`;
    } finally {
        await client.end().catch(() => undefined);
    }
}

async function systemIdentifier(client: pg.Client): Promise<string> {
    try {
        const result = await client.query<{ identifier: string }>('SELECT system_identifier::text AS identifier FROM pg_control_system()');
        return result.rows[0]?.identifier ?? '';
    } catch (error) {
        // Some managed servers hide it; the start time alone still tells servers apart.
        if (typeof error === 'object' && error !== null && 'code' in error && controlDataIsHidden.has(String(error.code))) {
            return '';
        }
        throw error;
    }
}
