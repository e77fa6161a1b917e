/** How a set of acknowledged events compares with what was stored (or delivered). */
export type DeliveryCount = {
    /** Events counted in `found`, duplicates included. */
    readonly found: number;
    /** Distinct acknowledged events absent from `found`. */
    readonly missing: number;
    /** Entries of `found` beyond the first of each event. */
    readonly duplicates: number;
    /** Distinct events in `found` that were never acknowledged (e.g. a failed append that was stored all the same). */
    readonly unacknowledged: number;
};

/** Compares the numbers of the acknowledged events with the numbers found in a store or delivered by a consumer. */
export function countDelivery(acknowledged: Iterable<number>, found: Iterable<number>): DeliveryCount {
    const expected = new Set(acknowledged);
    const seen = new Set<number>();
    let total = 0;
    let duplicates = 0;
    let unacknowledged = 0;
    for (const number of found) {
        total++;
        if (seen.has(number)) {
            duplicates++;
            continue;
        }
        seen.add(number);
        if (!expected.has(number)) {
            unacknowledged++;
        }
    }
    let missing = 0;
    for (const number of expected) {
        if (!seen.has(number)) {
            missing++;
        }
    }
    return { found: total, missing, duplicates, unacknowledged };
}
