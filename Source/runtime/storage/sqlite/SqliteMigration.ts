/** A named change to an embedded database's tables, applied once, in order. */
export type SqliteMigration = {
    readonly name: string;
    readonly sql: string;
};
