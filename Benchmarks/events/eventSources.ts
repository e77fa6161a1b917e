import { randomUUID } from 'node:crypto';

/** A fixed pool of event source ids that benchmark events cycle through. */
export const eventSources: ReadonlyArray<string> = Object.freeze(Array.from({ length: 1024 }, () => randomUUID()));
