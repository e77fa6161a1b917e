import type { google } from './generated/protocol.js';

/** A wire Timestamp as a plain object, ready to be encoded. */
export type WireTimestamp = { readonly seconds: number; readonly nanos: number };

/** Turns a wire Timestamp into milliseconds since the Unix epoch (sub-millisecond digits dropped); missing → undefined. */
export function timestampToMilliseconds(timestamp: google.protobuf.Timestamp.$Properties | null | undefined): number | undefined {
    if (timestamp === null || timestamp === undefined) {
        return undefined;
    }
    return Number(timestamp.seconds ?? 0) * 1000 + Math.floor((timestamp.nanos ?? 0) / 1_000_000);
}

/** Turns milliseconds since the Unix epoch into a wire Timestamp (nanos always in 0..999 999 999, as the format asks). */
export function millisecondsToTimestamp(milliseconds: number): WireTimestamp {
    const whole = Math.floor(milliseconds);
    const seconds = Math.floor(whole / 1000);
    return { seconds, nanos: (whole - seconds * 1000) * 1_000_000 };
}
