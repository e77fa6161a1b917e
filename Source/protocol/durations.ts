import type { google } from './generated/protocol.js';

/** A wire Duration as a plain object, ready to be encoded. */
export type WireDuration = { readonly seconds: number; readonly nanos: number };

/** Turns a wire Duration into milliseconds (fractions kept); missing → undefined. */
export function durationToMilliseconds(duration: google.protobuf.Duration.$Properties | null | undefined): number | undefined {
    if (duration === null || duration === undefined) {
        return undefined;
    }
    return Number(duration.seconds ?? 0) * 1000 + (duration.nanos ?? 0) / 1_000_000;
}

/** Turns milliseconds into a wire Duration (seconds and nanos share the sign, as the format asks). */
export function millisecondsToDuration(milliseconds: number): WireDuration {
    const seconds = Math.trunc(milliseconds / 1000);
    return { seconds, nanos: Math.round((milliseconds - seconds * 1000) * 1_000_000) };
}
