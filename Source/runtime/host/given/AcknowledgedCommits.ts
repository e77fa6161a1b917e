import { randomUUID } from 'node:crypto';
import { commitEvents } from './commitEvents.js';
import { connectClient, type ConnectedClient } from './connectClient.js';
import { developmentTenant } from './developmentTenant.js';
import type { HandledEvents } from './HandledEvents.js';
import type { RuntimeUnderTest } from './RuntimeUnderTest.js';

/** An event the Runtime acknowledged: its sequence number and content. */
export type Acknowledged = { readonly sequenceNumber: number; readonly content: Record<string, unknown> };

/**
 * Commits from several SDK committers until each fails (or is told to stop), and keeps every event the Runtime
 * acknowledged and every error a committer ended with: for tests that stop or kill a Runtime under load and then
 * check that nothing acknowledged was lost.
 */
export class AcknowledgedCommits {
    readonly acknowledged: Acknowledged[] = [];
    readonly errors: unknown[] = [];

    constructor(private readonly eventTypeId: string) {}

    /** Commits 1, 2 or 3 events at a time, each committer on its own event source, until a commit fails or `stopped` says so. */
    async commitUntilFailure(committer: ConnectedClient, committerIndex: number, stopped: () => boolean = () => false): Promise<void> {
        const eventStore = committer.client.eventStore.forTenant(developmentTenant);
        const eventSourceId = randomUUID();
        for (let counter = 0; !stopped(); counter++) {
            const events = Array.from({ length: 1 + (counter % 3) }, (_, index) => ({ content: { committerIndex, counter, index }, eventSourceId }));
            try {
                for (const event of await commitEvents(eventStore, this.eventTypeId, events)) {
                    this.acknowledged.push({ sequenceNumber: event.eventLogSequenceNumber.value, content: event.content as Record<string, unknown> });
                }
            } catch (error) {
                this.errors.push(error);
                return;
            }
        }
    }

    /**
     * Connects a fresh event handler for the event type, commits a sentinel and waits until the handler has read the
     * event log up to it; resolves with the reader (to disconnect) and the sentinel's sequence number.
     */
    async readBack(runtime: RuntimeUnderTest, handled: HandledEvents): Promise<{ readonly reader: ConnectedClient; readonly sentinelSequenceNumber: number }> {
        const reader = connectClient(runtime, (builder) => builder.withEventHandlers((eventHandlers) => {
            eventHandlers.createEventHandler(randomUUID(), (eventHandler) => eventHandler.unpartitioned().handle(this.eventTypeId, handled.handler()));
        }));
        const [sentinel] = await commitWhenReachable(() => commitEvents(reader.client.eventStore.forTenant(developmentTenant), this.eventTypeId, [{ content: { sentinel: true }, eventSourceId: randomUUID() }]));
        await handled.waitFor((call) => call.content['sentinel'] === true, 'a fresh handler read the event log up to the sentinel committed after the restart', 60_000);
        return { reader, sentinelSequenceNumber: sentinel?.eventLogSequenceNumber.value ?? -1 };
    }

    /** The acknowledged events that the read-back did not find with the same content at the same sequence number. */
    lost(handled: HandledEvents): ReadonlyArray<Acknowledged> {
        const stored = new Map(handled.calls.map((call) => [call.sequenceNumber, call.content]));
        return this.acknowledged.filter((event) => JSON.stringify(stored.get(event.sequenceNumber)) !== JSON.stringify(event.content));
    }

    /** The errors that were not gRPC status errors (a committer should end only because the Runtime went away). */
    get errorsWithoutStatus(): ReadonlyArray<unknown> {
        return this.errors.filter((error) => typeof (error as { code?: unknown }).code !== 'number');
    }
}

/**
 * Commits through a fresh SDK client, trying again while its channel is not connected yet: SDK 17's old grpc-js fails
 * the first call with UNAVAILABLE "No connection established" when its first connection attempt comes too early, as
 * it can on a busy machine right after a restart. Any other error, or still unreachable after 30 s, fails.
 */
async function commitWhenReachable<Result>(commit: () => Promise<Result>): Promise<Result> {
    const deadline = Date.now() + 30_000;
    for (;;) {
        try {
            return await commit();
        } catch (error) {
            const unavailable = (error as { code?: unknown }).code === 14;
            if (!unavailable || Date.now() > deadline) {
                throw error;
            }
            await new Promise((resolve) => setTimeout(resolve, 500));
        }
    }
}
