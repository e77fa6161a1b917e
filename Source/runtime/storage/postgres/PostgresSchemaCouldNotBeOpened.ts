/** Thrown when a tenant's PostgreSQL schema cannot be opened or brought up to date. Never names the connection string. */
export class PostgresSchemaCouldNotBeOpened extends Error {
    /** The schema that could not be opened. */
    readonly schema: string;
    /** The migration that failed, if the failure happened while applying one. */
    readonly migration: string | undefined;

    /** Creates the error; `cause` keeps the driver's error for the log. */
    constructor(schema: string, step: { readonly migration?: string; readonly problem: string }, options?: { cause?: unknown }) {
        const where = step.migration === undefined ? '' : ` while applying migration '${step.migration}'`;
        super(`Could not open PostgreSQL schema '${schema}'${where}: ${step.problem}`, options);
        this.name = 'PostgresSchemaCouldNotBeOpened';
        this.schema = schema;
        this.migration = step.migration;
    }
}
