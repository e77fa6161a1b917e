/** A named change to a tenant schema's tables in PostgreSQL, applied once, in order. */
export type PostgresMigration = {
    readonly name: string;
    readonly sql: string;
};
