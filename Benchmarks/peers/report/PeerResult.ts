import type { PeerBackend, PeerRole } from '../PeerSystem.js';

/** Whether a larger or a smaller value is better (throughput against latency). */
export type Direction = 'higher' | 'lower';

/**
 * What a consumer delivered of the acknowledged events. `cutShort`: it ran out of time while still delivering, so the
 * events it did not deliver were not reached rather than skipped.
 */
export type Delivery = { readonly delivered: number; readonly missing: number; readonly duplicates: number; readonly cutShort?: boolean };

/**
 * One measured figure of one system in one scenario: the JSON record of `--json` (system, backend, scenario, value,
 * unit, acknowledged, stored) and what the table needs besides. `acknowledged` counts the events the system
 * acknowledged, `stored` those its database holds afterwards; consumer scenarios also count what was delivered.
 */
export type PeerResult = {
    readonly system: string;
    readonly backend: PeerBackend;
    readonly role: PeerRole;
    readonly scenario: string;
    readonly value: number;
    readonly unit: string;
    readonly direction: Direction;
    readonly acknowledged: number;
    readonly stored: number;
    /** Acknowledged events the database does not hold. */
    readonly lost: number;
    /** Events the database holds more than once. */
    readonly duplicated: number;
    /** Appends that failed (rejected, timed out, or a conflict where none was expected). */
    readonly failed: number;
    /** Consumer scenarios: distinct acknowledged events the consumer delivered, those it never delivered, those it delivered again. */
    readonly delivery?: Delivery;
    /** Anything the reader must know, e.g. "INCOMPLETE: stalled at 81,000". */
    readonly note?: string;
};
