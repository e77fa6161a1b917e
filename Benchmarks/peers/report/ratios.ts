import type { PeerResult } from './PeerResult.js';

/** A result with how many times better it is than the best peer and than the raw ceiling (> 1: better). */
export type RatedResult = PeerResult & {
    readonly toBestPeer: number | undefined;
    readonly toCeiling: number | undefined;
};

/** How many times better `value` is than `reference`, whichever way is better; undefined without a usable reference. */
export function timesBetter(value: number, reference: number | undefined, direction: PeerResult['direction']): number | undefined {
    if (reference === undefined || !Number.isFinite(value) || !Number.isFinite(reference) || value <= 0 || reference <= 0) {
        return undefined;
    }
    return direction === 'higher' ? value / reference : reference / value;
}

/** The best value among results, by their direction; undefined when there is none. */
function best(results: ReadonlyArray<PeerResult>): number | undefined {
    const values = results.map((result) => result.value).filter((value) => Number.isFinite(value) && value > 0);
    if (values.length === 0) {
        return undefined;
    }
    return results[0]!.direction === 'higher' ? Math.max(...values) : Math.min(...values);
}

/**
 * Rates every result against the best peer and the best raw ceiling of the same scenario (peers and ceilings of any
 * backend); keeps the order of the results.
 */
export function rate(results: ReadonlyArray<PeerResult>): ReadonlyArray<RatedResult> {
    return results.map((result) => {
        const sameScenario = results.filter((other) => other.scenario === result.scenario);
        const bestPeer = best(sameScenario.filter((other) => other.role === 'peer'));
        const ceiling = best(sameScenario.filter((other) => other.role === 'ceiling'));
        return { ...result, toBestPeer: timesBetter(result.value, bestPeer, result.direction), toCeiling: timesBetter(result.value, ceiling, result.direction) };
    });
}
