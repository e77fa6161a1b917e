import pg from 'pg';

/** What a pool needs so that every connection it opens resolves unqualified names in one schema. */
export type ConnectionWithSearchPath = {
    readonly connectionString: string;
    readonly options: string;
};

/**
 * Adds `-c search_path=<schema>` to the connection's startup options. The driver lets an `options` parameter in
 * the connection string override the pool's, so one found there is moved into the combined options.
 */
export function connectionWithSearchPath(connectionString: string, schema: string): ConnectionWithSearchPath {
    const searchPath = `-c search_path=${escapeStartupOption(pg.escapeIdentifier(schema))}`;
    const url = parseUrl(connectionString);
    const existing = url?.searchParams.get('options');
    if (url === undefined || existing === null || existing === undefined) {
        return { connectionString, options: searchPath };
    }
    url.searchParams.delete('options');
    return { connectionString: url.toString(), options: `${existing} ${searchPath}` };
}

/** The server splits startup options on whitespace; a backslash keeps the next character literal. */
function escapeStartupOption(value: string): string {
    return value.replace(/[\\\s]/g, (character) => `\\${character}`);
}

function parseUrl(connectionString: string): URL | undefined {
    try {
        return new URL(connectionString);
    } catch {
        return undefined;
    }
}
