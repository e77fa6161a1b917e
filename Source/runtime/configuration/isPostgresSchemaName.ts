/**
 * Tells whether a text is a PostgreSQL schema name the Runtime accepts: 1 to 63 lower-case letters, digits and
 * underscores starting with a letter or underscore, so it never needs quoting, and not `pg_`, which PostgreSQL reserves.
 */
export function isPostgresSchemaName(name: string): boolean {
    return /^[a-z_][a-z0-9_]{0,62}$/.test(name) && !name.startsWith('pg_');
}
