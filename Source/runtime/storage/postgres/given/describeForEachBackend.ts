import { describe } from 'vitest';

/** A backend a shared suite runs against, and whether its server is there in this run. */
export type BackendThatMayBeAbsent = {
    /** False when the backend's server cannot be reached (outside CI only): its cases skip. */
    readonly available: boolean;
};

/**
 * Declares the suite once per backend, as `describe.each` does, with `$property` in the title replaced by the
 * backend's property. A backend that is not available stays in the list: its cases are declared and skipped, so the
 * runner counts them as skipped instead of leaving them out.
 *
 * @example
 * describeForEachBackend(backends, 'when committing to the $kind store', (backend) => {
 *     it('stores the events', async () => { ... });
 * });
 */
export function describeForEachBackend<Backend extends BackendThatMayBeAbsent>(
    backends: ReadonlyArray<Backend>,
    title: string,
    suite: (backend: Backend) => void,
): void {
    for (const backend of backends) {
        describe.skipIf(!backend.available)(titleFor(title, backend), () => suite(backend));
    }
}

function titleFor(title: string, backend: BackendThatMayBeAbsent): string {
    return title.replace(/\$([A-Za-z]+)/g, (placeholder, property: string) => {
        const value = (backend as Readonly<Record<string, unknown>>)[property];
        return value === undefined ? placeholder : String(value);
    });
}
