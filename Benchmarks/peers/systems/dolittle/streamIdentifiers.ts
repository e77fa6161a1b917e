/** The event source id (a GUID) that stands for a stream of the comparison. */
export function eventSourceOf(stream: number): string {
    return `00000000-0000-4000-8000-${stream.toString(16).padStart(12, '0')}`;
}

/** The ids of the comparison on our Runtime: one event type, one aggregate root, and a handler per consumer. */
export const dolittlePeerIdentifiers = Object.freeze({
    eventType: '8d6a4f0e-2b1c-4e3d-9f8a-7c6b5a4d3e01',
    aggregateRoot: '8d6a4f0e-2b1c-4e3d-9f8a-7c6b5a4d3e02',
    eventHandler: '8d6a4f0e-2b1c-4e3d-9f8a-7c6b5a4d3e03',
});
