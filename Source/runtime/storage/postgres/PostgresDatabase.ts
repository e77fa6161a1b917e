import type pg from 'pg';

/**
 * A tenant's open PostgreSQL schema: a pool whose connections all use the tenant's schema (search_path),
 * so feature code writes unqualified table names.
 */
export type PostgresDatabase = {
    readonly pool: pg.Pool;
    readonly schema: string;
    /** Ends the pool; queries under way finish first. */
    close(): Promise<void>;
};
