import type { Failure } from './Failure.js';

/** Either a value or a failure: how features return expected outcomes instead of throwing. */
export type Result<T> =
    | { readonly succeeded: true; readonly value: T }
    | { readonly succeeded: false; readonly failure: Failure };

/** A successful result. */
export function succeeded<T>(value: T): Result<T> {
    return { succeeded: true, value };
}

/** A failed result. */
export function failed<T>(failure: Failure): Result<T> {
    return { succeeded: false, failure };
}
