/** The value below which `fraction` of the samples fall (nearest rank); NaN when there are none. */
export function percentile(samples: ReadonlyArray<number>, fraction: number): number {
    if (samples.length === 0) {
        return Number.NaN;
    }
    const sorted = [...samples].sort((left, right) => left - right);
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
    return sorted[rank]!;
}
