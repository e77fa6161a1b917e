/** An event as the checker reads it from a tenant's event log. */
export type StoredEvent = {
    readonly sequenceNumber: number;
    readonly typeId: string;
    readonly eventSource: string;
    /** The id the writer put in the content. */
    readonly id: string;
    readonly aggregateVersion: number | undefined;
};

/** A tenant's store, read after the run: its event log and the projection's read models. */
export type TenantStore = {
    readonly events: ReadonlyArray<StoredEvent>;
    /** The projection's read models: event source → the counter. */
    readonly readModels: ReadonlyMap<string, number>;
};

/** A row of the event log as both backends answer it. */
export type EventRow = {
    readonly sequence_number: number | string;
    readonly type_id: string;
    readonly event_source: string;
    readonly content: string;
    readonly aggregate_version: number | string | null;
};

/** The SQL that reads a tenant's default-scope event log in order (the same on both backends). */
export const eventLogQuery = "SELECT sequence_number, type_id, event_source, content, aggregate_version FROM event_log WHERE scope = '00000000-0000-0000-0000-000000000000' ORDER BY sequence_number";

/** The SQL that reads the projection's read models (the projection id is a parameter). */
export const readModelsQuery = 'SELECT key, state FROM projection_read_models WHERE projection_id = ';

/** The stored event of a row. */
export function storedEventOf(row: EventRow): StoredEvent {
    const content = JSON.parse(row.content) as { readonly id?: unknown };
    return {
        sequenceNumber: Number(row.sequence_number),
        typeId: row.type_id.toLowerCase(),
        eventSource: row.event_source.toLowerCase(),
        id: typeof content.id === 'string' ? content.id : '(no id)',
        aggregateVersion: row.aggregate_version === null ? undefined : Number(row.aggregate_version),
    };
}

/** The read models of rows of (key, state). */
export function readModelsOf(rows: ReadonlyArray<{ readonly key: string; readonly state: string }>): ReadonlyMap<string, number> {
    return new Map(rows.map((row) => [row.key, (JSON.parse(row.state) as { count?: number }).count ?? -1]));
}
