/** Where a system keeps its events. */
export type PeerBackend = 'postgres' | 'sqlite' | 'embedded';

/**
 * What a system is to the comparison: our Runtime, a peer event store, or a raw-driver ceiling (the most the database
 * and its driver allow for the same work, with none of an event store's guarantees).
 */
export type PeerRole = 'ours' | 'peer' | 'ceiling';

/** A consumer of every event a store holds, from the beginning; stop ends it and waits until it has stopped. */
export type RunningConsumer = { stop(): Promise<void> };

/** Receives what a consumer delivered: the numbers of the events, in the order delivered. */
export type DeliveryListener = (numbers: ReadonlyArray<number>) => void;

/**
 * One fresh, throw-away store of a system, with the workloads of the comparison. Events carry a number (unique in a
 * run, JSON `{"n": <number>}` where a system stores JSON); streams are named by an index, which each system maps onto
 * its own stream names. Every method resolves only once the system acknowledged the work, and rejects otherwise.
 */
export type PeerStore = {
    /** Appends events to a stream in one call, without a version check. */
    append(stream: number, numbers: ReadonlyArray<number>): Promise<void>;
    /** Appends events to a stream in one call, expecting the stream to hold `eventsBefore` events first. */
    appendExpecting(stream: number, numbers: ReadonlyArray<number>, eventsBefore: number): Promise<void>;
    /** The numbers of a stream's events, in stream order. */
    read(stream: number): Promise<ReadonlyArray<number>>;
    /** The numbers of every event the store holds (duplicates included), straight from its database. */
    stored(): Promise<ReadonlyArray<number>>;
    /** Starts a consumer (one of the system's `consumers`) from the beginning of the store. */
    consume(consumer: string, listener: DeliveryListener): Promise<RunningConsumer>;
    /** Stops what runs and drops the database. */
    close(): Promise<void>;
};

/** A system under comparison: one file under systems/ implements it. */
export type PeerSystem = {
    /** Its name in the table, e.g. "Emmett". */
    readonly name: string;
    readonly backend: PeerBackend;
    readonly role: PeerRole;
    /** The versions it runs, e.g. "@event-driven-io/emmett-postgresql 0.42.0". */
    readonly version: string;
    /** The consumers it offers, by label (e.g. "default", "fast"); the first is its usual one. Empty: none. */
    readonly consumers: ReadonlyArray<string>;
    /** Opens a fresh store in a throw-away database on the PostgreSQL server (or in a temporary folder). */
    open(postgresServer: string): Promise<PeerStore>;
};
