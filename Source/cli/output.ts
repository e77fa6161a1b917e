import Table from 'cli-table3';

/** How a command prints: tables for people, JSON for scripts. */
export type OutputFormat = 'table' | 'json';

/** The options every command takes (from the root command). */
export type CommonOptions = {
    readonly runtime: string;
    readonly tenant: string;
    readonly output: OutputFormat;
};

/** A table: its column headers and its rows of cells. */
export type TableView = { readonly head: ReadonlyArray<string>; readonly rows: ReadonlyArray<ReadonlyArray<string>> };

/** Prints `json` as JSON when asked for, else the table (or `empty` when it has no rows). */
export function show(options: CommonOptions, json: unknown, table: TableView, empty: string): void {
    if (options.output === 'json') {
        process.stdout.write(`${JSON.stringify(plainData(json), undefined, 2)}\n`);
        return;
    }
    if (table.rows.length === 0) {
        process.stdout.write(`${empty}\n`);
        return;
    }
    const view = new Table({ head: [...table.head], style: { head: [], border: [] } });
    view.push(...table.rows.map((row) => [...row]));
    process.stdout.write(`${view.toString()}\n`);
}

/**
 * A decoded message as plain data for JSON: every field with its value, defaults included (protobufjs keeps them on
 * the prototype) and 64-bit numbers as numbers (a message's own toJSON would write them as text).
 */
export function plainData(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(plainData);
    }
    if (typeof value !== 'object' || value === null) {
        return value;
    }
    const fields: Record<string, unknown> = {};
    for (const name in value) {
        const field: unknown = (value as Record<string, unknown>)[name];
        if (typeof field !== 'function') {
            fields[name] = typeof field === 'object' && field !== null && 'toNumber' in field ? Number(field) : plainData(field);
        }
    }
    return fields;
}

/** A time in milliseconds since the epoch as ISO text, or `never` for 0. */
export function timeText(milliseconds: number | Long | null | undefined): string {
    const value = Number(milliseconds ?? 0);
    return value === 0 ? 'never' : new Date(value).toISOString();
}

/** A number of seconds shortened for a table cell. */
export function secondsText(seconds: number | null | undefined): string {
    const value = seconds ?? 0;
    return value < 10 ? `${value.toFixed(1)}s` : `${Math.round(value)}s`;
}

type Long = { toNumber(): number };
