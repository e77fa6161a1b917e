import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { HandledEvents } from '../host/given/HandledEvents.js';
import { DishPrepared } from '../host/given/kitchen/DishPrepared.js';
import { tutorialIds } from '../host/given/kitchen/tutorialIds.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = await backendsForTests(import.meta.url);
const committers = 16;
// Well over the thousand streams per session that used to end it; counted, not timed, so a busy machine only makes it slower.
const commitsPerCommitter = 125;
const eventHandlerId = 'a6f1c2d4-3b5e-4f70-8a91-b2c3d4e5f607';

type CommitOutcome =
    | { readonly kind: 'acknowledged'; readonly sequenceNumber: number }
    | { readonly kind: 'failed'; readonly reason: string }
    | { readonly kind: 'threw'; readonly error: string };

/**
 * SDK 17 bundles grpc-js 1.2.12, which resets every finished HTTP/2 stream. A Node server counts those resets and,
 * past its limit, ends the session with GOAWAY: commits then threw while their events were stored anyway. The
 * Runtime raises that limit for its sessions; this load is what used to trip it.
 */
describeForEachBackend(backends, 'when 16 official SDK clients commit 2,000 events concurrently to a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let committer: ConnectedClient | undefined;
    let handler: ConnectedClient | undefined;
    const handled = new HandledEvents();
    const outcomes: CommitOutcome[] = [];
    printLogsOnFailure(() => runtime);

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        handler = connectClient(runtime, (builder) => builder
            .withEventTypes((eventTypes) => eventTypes.associate(DishPrepared, tutorialIds.dishPrepared))
            .withEventHandlers((eventHandlers) => eventHandlers.createEventHandler(eventHandlerId, (eventHandler) => {
                eventHandler.partitioned().handle(tutorialIds.dishPrepared, handled.handler());
            })));
        committer = connectClient(runtime, (builder) => builder.withEventTypes((eventTypes) => {
            eventTypes.associate(DishPrepared, tutorialIds.dishPrepared);
        }));
        const eventStore = committer.client.eventStore.forTenant(developmentTenant);
        const commitTheirShare = async (index: number) => {
            const eventSource = randomUUID();
            for (let count = 0; count < commitsPerCommitter; count++) {
                try {
                    const result = await eventStore.commit(new DishPrepared(`Dish ${count}`, `Committer ${index}`), eventSource);
                    const committed = result.events.toArray()[0];
                    outcomes.push(result.failed || committed === undefined
                        ? { kind: 'failed', reason: result.failure?.reason.value ?? 'no event returned' }
                        : { kind: 'acknowledged', sequenceNumber: committed.eventLogSequenceNumber.value });
                } catch (error) {
                    outcomes.push({ kind: 'threw', error: String(error) });
                }
            }
        };
        await Promise.all(Array.from({ length: committers }, (_, index) => commitTheirShare(index)));
        const acknowledged = outcomes.filter((outcome) => outcome.kind === 'acknowledged').length;
        await waitUntil(() => handled.succeeded.length >= acknowledged, `the handler received the ${acknowledged} acknowledged events`, 60_000)
            .catch(() => undefined);
    }, 300_000);
    afterAll(async () => {
        committer?.disconnect();
        handler?.disconnect();
        await runtime?.dispose();
    });

    it('answers every one of the 2,000 commits, well over the thousand streams that used to end the session', () => {
        expect(outcomes.length).toBe(committers * commitsPerCommitter);
    });
    it('has no commit that threw', () => {
        expect(outcomes.filter((outcome) => outcome.kind === 'threw')).toEqual([]);
    });
    it('has no commit that failed', () => {
        expect(outcomes.filter((outcome) => outcome.kind === 'failed')).toEqual([]);
    });
    it('delivers exactly the acknowledged events to the handler, each once', () => {
        const acknowledged = outcomes.flatMap((outcome) => outcome.kind === 'acknowledged' ? [outcome.sequenceNumber] : []).sort((a, b) => a - b);
        const received = handled.succeeded.map((call) => call.sequenceNumber).sort((a, b) => a - b);
        expect(received).toEqual(acknowledged);
    });
    it('acknowledged a gap-free log from the first event', () => {
        const acknowledged = outcomes.flatMap((outcome) => outcome.kind === 'acknowledged' ? [outcome.sequenceNumber] : []).sort((a, b) => a - b);
        expect(acknowledged).toEqual(acknowledged.map((_, index) => index));
    });
});
