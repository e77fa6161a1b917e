/** The PostgreSQL schema a MongoDB-shaped database name maps onto: lower-cased, dashes turned into underscores. */
export function postgresSchemaFor(database: string): string {
    return database.toLowerCase().replaceAll('-', '_');
}
