/** The JSON an event of the comparison carries: its number. */
export type NumberedEvent = { readonly n: number };

/** The JSON text of the event numbered `number`. */
export function eventContent(number: number): string {
    return `{"n":${number}}`;
}

/** The number of an event from its stored JSON (text or parsed), failing loudly on anything else. */
export function eventNumber(content: unknown): number {
    const parsed: unknown = typeof content === 'string' ? JSON.parse(content) : content;
    const number = (parsed as Partial<NumberedEvent> | null)?.n;
    if (typeof number !== 'number') {
        throw new Error(`An event's content ${JSON.stringify(content)} carries no number 'n'`);
    }
    return number;
}

/** A stream's name for the systems that name streams with text: a category and the index. */
export function streamName(stream: number): string {
    return `bench-${stream}`;
}
