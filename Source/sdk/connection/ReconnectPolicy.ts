/** How long to wait before connecting again: capped exponential back-off with full jitter. */
export type ReconnectPolicy = {
    /** The first delay's ceiling, in milliseconds. */
    readonly initialMilliseconds: number;
    /** The longest delay, in milliseconds. */
    readonly maximumMilliseconds: number;
};

/** The default: up to 250 ms at first, doubling per failed attempt, never more than 10 s. */
export const defaultReconnectPolicy: ReconnectPolicy = Object.freeze({ initialMilliseconds: 250, maximumMilliseconds: 10_000 });

/**
 * The delay before attempt `attempt` (1 for the first retry): a random time up to the capped exponential ceiling, so
 * that many heads reconnecting to a restarted Runtime spread out instead of arriving together.
 */
export function reconnectDelay(policy: ReconnectPolicy, attempt: number, random: () => number = Math.random): number {
    const ceiling = Math.min(policy.maximumMilliseconds, policy.initialMilliseconds * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
    // Never zero: a Runtime that refuses at once must not be hammered in a tight loop.
    return Math.max(policy.initialMilliseconds / 4, Math.round(ceiling * random()));
}
