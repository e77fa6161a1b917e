/** An event as the checker reads it from a tenant's event log. */
export type StoredEvent = {
    readonly sequenceNumber: number;
    readonly typeId: string;
    readonly eventSource: string;
    /** The id the writer put in the content. */
    readonly id: string;
    readonly aggregateVersion: number | undefined;
    readonly public: boolean;
};

/** A tenant's store, read after the run: its event log, the projection's read models and the Event Horizon consumer's scoped log. */
export type TenantStore = {
    readonly events: ReadonlyArray<StoredEvent>;
    /** The events the consumer microservice's Runtime received into its scope, in the order of its scoped log. */
    readonly received: ReadonlyArray<StoredEvent>;
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
    readonly public: number | boolean;
};

/** The SQL that reads a scope of a tenant's event log in order, from a sequence number on (the same on both backends). */
export function eventLogQuery(scope: string, from = 0): string {
    return `SELECT sequence_number, type_id, event_source, content, aggregate_version, public FROM event_log WHERE scope = '${scope}' AND sequence_number >= ${from} ORDER BY sequence_number`;
}

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
        public: row.public === true || row.public === 1,
    };
}

/** The read models of rows of (key, state). */
export function readModelsOf(rows: ReadonlyArray<{ readonly key: string; readonly state: string }>): ReadonlyMap<string, number> {
    return new Map(rows.map((row) => [row.key, (JSON.parse(row.state) as { count?: number }).count ?? -1]));
}
