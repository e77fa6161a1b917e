import { EventSourceId, EventTypeId, type CommittedEvent, type IEventStore } from '@dolittle/sdk.events';

/** Commits events of one event type in one commit, and fails the test with the Runtime's reason when the commit fails. */
export async function commitEvents(
    eventStore: IEventStore,
    eventTypeId: string,
    events: ReadonlyArray<{ readonly content: Record<string, unknown>; readonly eventSourceId: string; readonly public?: boolean }>,
): Promise<ReadonlyArray<CommittedEvent>> {
    const result = await eventStore.commit(events.map((event) => ({
        content: event.content,
        eventSourceId: EventSourceId.from(event.eventSourceId),
        eventType: EventTypeId.from(eventTypeId),
        public: event.public ?? false,
    })));
    if (result.failed) {
        throw new Error(`Committing ${events.length} events of type ${eventTypeId} failed: ${result.failure?.id.toString()} ${result.failure?.reason.toString()}`);
    }
    return result.events.toArray();
}
