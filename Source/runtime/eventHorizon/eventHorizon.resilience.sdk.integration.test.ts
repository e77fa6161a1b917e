import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { commitEvents } from '../host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { scrapeMetrics, valueOf } from '../metrics/given/scrapeMetrics.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import {
    consentFor,
    consumerStore,
    connectConsumerHead,
    connectProducerHead,
    producerMicroservice,
    startConsumer,
    startProducer,
    type ConsumerHead,
    type ScopedEventRow,
} from './given/twoMicroservices.js';
import { eventHorizonFailureIds } from './failures.js';
import { listSubscriptions, type SubscriptionJson } from './given/listSubscriptions.js';

const backends = await backendsForTests(import.meta.url);
const eventsInOneCommit = 25;
const connectedSubscriptions = 'dolittle_shared_runtime_event_horizon_consumer_connected_subscriptions_current';

/**
 * Commits, trying again while the producer cannot be reached: after the producer restarts, the SDK's channel is still
 * backing off from the outage, and its first calls fail with UNAVAILABLE before anything is stored.
 */
async function commitWhenReachable(commit: () => Promise<unknown>): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
        try {
            await commit();
            return;
        } catch (error) {
            if (!(error instanceof Error && error.message.startsWith('14 UNAVAILABLE')) || Date.now() > deadline) {
                throw error;
            }
            await new Promise((resolve) => setTimeout(resolve, 500));
        }
    }
}

describeForEachBackend(backends, 'when the consumer Runtime is stopped, then killed, and the producer goes down, while events cross on the $kind store', (backend) => {
    let producer: RuntimeUnderTest | undefined;
    let consumer: RuntimeUnderTest | undefined;
    let committer: ConnectedClient;
    let producerHead: ConnectedClient;
    let consumerHead: ConsumerHead | undefined;
    const store = consumerStore(backend);
    const eventTypeId = randomUUID();
    const [stream, partition, scope] = [randomUUID(), randomUUID(), randomUUID()];
    const consent = consentFor(stream, partition);
    let afterThousand: ReadonlyArray<ScopedEventRow> = [];
    let afterProducerOutage: ReadonlyArray<ScopedEventRow> = [];
    let retriesWhileProducerWasDown = 0;
    let beforeSubscribingAgain: { readonly listed: ReadonlyArray<SubscriptionJson>; readonly received: number } | undefined;
    let whileProducerWasDown: { readonly listed: ReadonlyArray<SubscriptionJson>; readonly connected: number } | undefined;
    let connectedAfterOutage = 0;
    printLogsOnFailure(() => producer);
    printLogsOnFailure(() => consumer);

    const commitRange = async (from: number, to: number) => {
        for (let first = from; first < to; first += eventsInOneCommit) {
            const indexes = Array.from({ length: Math.min(eventsInOneCommit, to - first) }, (_, offset) => first + offset);
            await commitWhenReachable(() => commitEvents(committer.client.eventStore.forTenant(developmentTenant), eventTypeId, indexes.map((index) => ({ content: { index }, eventSourceId: randomUUID(), public: true }))));
        }
    };
    const received = () => store.scopedEventLog(consumer!, scope);
    const subscribeAgain = () => {
        consumerHead?.disconnect();
        consumerHead = connectConsumerHead(consumer!, eventTypeId, [{ stream, partition, scope }]);
    };
    const waitForReceived = (count: number, description: string) =>
        waitUntil(async () => (await received()).length >= count, description, 120_000);

    beforeAll(async () => {
        producer = await startProducer(backend, [consent]);
        consumer = await startConsumer(backend, producer, store);
        committer = connectClient(producer, (builder) => builder, producerMicroservice);
        producerHead = connectProducerHead(producer, stream, partition);
        subscribeAgain();

        await commitRange(0, 300);
        await waitForReceived(1, 'the consumer received the first events');
        // Stopped while the producer commits more: whatever was in flight is sent again after the restart.
        await Promise.all([consumer.stop(), commitRange(300, 600)]);
        await consumer.restart();
        // No head has subscribed since the restart: the subscription is known only from its stored position.
        beforeSubscribingAgain = { listed: await listSubscriptions(consumer), received: (await received()).length };
        subscribeAgain();
        await waitForReceived(301, 'the restarted consumer received events after the first 300');
        await Promise.all([consumer.kill('SIGKILL'), commitRange(600, 1000)]);
        await consumer.restart();
        subscribeAgain();
        await waitForReceived(1000, 'the consumer received all 1,000 events');
        afterThousand = await received();

        const retriesBefore = retries();
        await producer.stop();
        await waitUntil(() => retries() >= retriesBefore + 2, 'the consumer tried to reach the stopped producer twice', 60_000);
        retriesWhileProducerWasDown = retries() - retriesBefore;
        let listed: ReadonlyArray<SubscriptionJson> = [];
        // Between attempts it waits out the back-off; an attempt itself is short.
        await waitUntil(async () => (listed = await listSubscriptions(consumer!)).some((subscription) => subscription.state === 'backingOff'), 'the CLI lists the subscription as backing off', 60_000);
        whileProducerWasDown = { listed, connected: valueOf(await scrapeMetrics(consumer.httpPort), connectedSubscriptions) };
        await producer.restart();
        await commitRange(1000, 1100);
        await waitForReceived(1100, 'the consumer caught up with the events committed after the producer came back');
        connectedAfterOutage = valueOf(await scrapeMetrics(consumer.httpPort), connectedSubscriptions);
        // Anything written twice would show up after the last expected event.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        afterProducerOutage = await received();
    }, 600_000);
    afterAll(async () => {
        committer?.disconnect();
        producerHead?.disconnect();
        consumerHead?.disconnect();
        await consumer?.dispose();
        await producer?.dispose();
    });

    const retries = () => (consumer?.logs() ?? '').split('\n').filter((line) => line.includes('The connection to the producer Runtime failed or ended')).length;
    const indexes = (rows: ReadonlyArray<ScopedEventRow>) => rows.map((row) => row.content['index']);
    const upTo = (count: number) => Array.from({ length: count }, (_, index) => index);

    it('holds each of the 1,000 events exactly once, in order, after a stop and a SIGKILL', () => {
        expect(indexes(afterThousand)).toEqual(upTo(1000));
    });
    it('numbers them in the scope without gaps', () => {
        expect(afterThousand.map((row) => row.sequenceNumber)).toEqual(upTo(1000));
    });
    it('keeps retrying while the producer is down, and logs why', () => {
        expect(retriesWhileProducerWasDown).toBeGreaterThanOrEqual(2);
    });
    it('catches up when the producer returns, still exactly once and in order', () => {
        expect(indexes(afterProducerOutage)).toEqual(upTo(1100));
    });
    it('was killed once and restarted twice, as the scenario says', () => {
        expect((consumer?.logs() ?? '').split('\n').filter((line) => line.includes('ended with signal SIGKILL')).length).toBe(1);
    });
    it('lists the subscription after a restart, before a head subscribes again, as not subscribed at its stored position, with when it last received', () => {
        expect(beforeSubscribingAgain?.listed.map((subscription) => [subscription.scopeId, subscription.state, subscription.position, subscription.lastReceived > 0]))
            .toEqual([[scope, 'notSubscribed', beforeSubscribingAgain?.received, true]]);
    });
    it('lists the subscription as backing off while the producer is down, saying why and when it tries again', () => {
        expect(whileProducerWasDown?.listed.map((subscription) => [subscription.state, subscription.failureId, subscription.consentId, subscription.nextAttempt > 0])).toEqual([
            // Two failed attempts in, the latest one could not reach the producer at all.
            ['backingOff', eventHorizonFailureIds.couldNotConnectToProducerRuntime, '', true],
        ]);
        expect(whileProducerWasDown?.listed[0]?.reason).toContain(`Could not connect to the producer Runtime at 127.0.0.1:${producer?.publicPort}`);
    });
    it('counts no connected subscription while the producer is down, and one again once it is back', () => {
        expect([whileProducerWasDown?.connected, connectedAfterOutage]).toEqual([0, 1]);
    });
});
