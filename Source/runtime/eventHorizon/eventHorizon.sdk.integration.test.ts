import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CliRun } from '../../cli/given/runCli.js';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { commitEvents } from '../host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { scrapeMetrics, valueOf, type MetricSample } from '../metrics/given/scrapeMetrics.js';
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
} from './given/twoMicroservices.js';
import { listSubscriptions, subscriptionsTable, type SubscriptionJson } from './given/listSubscriptions.js';
import { subscribeDirectly, type DirectAnswer } from './given/subscribeDirectly.js';

const backends = await backendsForTests(import.meta.url);
const missingConsent = 'be1ba4e6-81e3-49c4-bec2-6c7e262bfb77';
const otherTenant = '9c4bd4c8-0fd4-4d9d-9a3c-0e6a5c1d2b70';
const connectedSubscriptions = 'dolittle_shared_runtime_event_horizon_consumer_connected_subscriptions_current';
const receivedEvents = 'dolittle_shared_runtime_event_horizon_consumer_handled_events_total';

describeForEachBackend(backends, 'when a consumer Runtime subscribes to a producer Runtime\'s public stream on the $kind store', (backend) => {
    let producer: RuntimeUnderTest | undefined;
    let consumer: RuntimeUnderTest | undefined;
    let producerHead: ConnectedClient;
    let committer: ConnectedClient;
    let consumerHead: ConsumerHead;
    const store = consumerStore(backend);
    const eventTypeId = randomUUID();
    const [stream, partition, unconsentedPartition, otherTenantPartition] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const [scope, unconsentedScope, otherTenantScope] = [randomUUID(), randomUUID(), randomUUID()];
    const consent = consentFor(stream, partition);
    const refusals: DirectAnswer[] = [];
    const committed: Array<{ readonly name: string; readonly sequenceNumber: number; readonly eventSourceId: string }> = [];
    let listed: ReadonlyArray<SubscriptionJson> = [];
    let table: CliRun | undefined;
    let metrics: ReadonlyArray<MetricSample> = [];
    const fromProducer = { tenant: developmentTenant, producer: producerMicroservice };
    printLogsOnFailure(() => producer);
    printLogsOnFailure(() => consumer);

    const commit = async (name: string, isPublic: boolean) => {
        const eventSourceId = randomUUID();
        const [event] = await commitEvents(committer.client.eventStore.forTenant(developmentTenant), eventTypeId, [{ content: { name }, eventSourceId, public: isPublic }]);
        committed.push({ name, sequenceNumber: Number(event?.eventLogSequenceNumber.value), eventSourceId });
    };
    const names = () => consumerHead.handled.succeeded.map((call) => call.content['name']);

    beforeAll(async () => {
        producer = await startProducer(backend, [consent, consentFor(stream, otherTenantPartition, otherTenant)]);
        consumer = await startConsumer(backend, producer, store);
        committer = connectClient(producer, (builder) => builder, producerMicroservice);
        producerHead = connectProducerHead(producer, stream, partition);
        await commit('private before', false);
        await commit('public before', true);
        consumerHead = connectConsumerHead(consumer, eventTypeId, [{ stream, partition, scope }]);
        await consumerHead.handled.waitFor((call) => call.content['name'] === 'public before', 'the consumer handled the first public event', 60_000);
        await commit('private after', false);
        await commit('public after', true);
        await consumerHead.handled.waitFor((call) => call.content['name'] === 'public after', 'the consumer handled the second public event', 60_000);
        await waitUntil(() => consumerHead.responses.length >= 1, 'the subscription was answered', 30_000);
        refusals.push(
            await subscribeDirectly(consumer.privatePort, { stream, partition: unconsentedPartition, scope: unconsentedScope }),
            await subscribeDirectly(consumer.privatePort, { stream, partition: otherTenantPartition, scope: otherTenantScope }),
        );
        await commit('public last', true);
        await consumerHead.handled.waitFor((call) => call.content['name'] === 'public last', 'the consumer handled the last public event', 60_000);

        // The operator's view of the consumer, through the CLI as its own process and through /metrics.
        const refusedOnes = [unconsentedScope, otherTenantScope];
        await waitUntil(async () => {
            listed = await listSubscriptions(consumer!);
            // Between attempts the refused subscriptions wait out their back-off; an attempt itself is short.
            return refusedOnes.every((refusedScope) => listed.some((subscription) => subscription.scopeId === refusedScope && subscription.state === 'refused'));
        }, 'the CLI lists both refused subscriptions as refused', 60_000);
        table = await subscriptionsTable(consumer!);
        await waitUntil(async () => valueOf((metrics = await scrapeMetrics(consumer!.httpPort)), receivedEvents, fromProducer) >= 3, 'the consumer counted the received events', 30_000);
    }, 180_000);
    afterAll(async () => {
        committer?.disconnect();
        producerHead?.disconnect();
        consumerHead?.disconnect();
        await consumer?.dispose();
        await producer?.dispose();
    });

    it('hands the consumer\'s scoped event handler the public events, in order, and never a private one', () => {
        expect(names()).toEqual(['public before', 'public after', 'public last']);
    });
    it('keeps the producer\'s event source and numbers the events in the scope from 0', () => {
        const publicOnes = committed.filter((event) => event.name.startsWith('public'));
        expect(consumerHead.handled.succeeded.map((call) => [call.sequenceNumber, call.eventSourceId])).toEqual(publicOnes.map((event, index) => [index, event.eventSourceId]));
    });
    it('stores them in the scope as external events with the producer\'s sequence numbers and the consent', async () => {
        const rows = await store.scopedEventLog(consumer!, scope);
        const publicOnes = committed.filter((event) => event.name.startsWith('public'));
        expect(rows.map((row) => [row.content['name'], row.public, row.externalSequenceNumber, row.consent, row.externalReceived !== null])).toEqual(
            publicOnes.map((event) => [event.name, false, event.sequenceNumber, consent.consent, true]),
        );
    });
    it('answers the consented subscription with the consent id', () => {
        expect(consumerHead.responses.map((response) => [response.failed, response.consentId.toString()])).toEqual([[false, consent.consent]]);
    });
    it('answers a subscription to a partition without consent with MissingConsent, and lets nothing of it cross', async () => {
        expect([refusals[0]?.failureId, refusals[0]?.reason, await store.scopedEventLog(consumer!, unconsentedScope)])
            .toEqual([missingConsent, expect.stringContaining(`partition ${unconsentedPartition}`), []]);
    });
    it('answers MissingConsent when the consent names another consumer tenant, and lets nothing cross', async () => {
        expect([refusals[1]?.failureId, await store.scopedEventLog(consumer!, otherTenantScope)]).toEqual([missingConsent, []]);
    });
    it('lists the consented subscription through the CLI as connected, with its consent and stored position', () => {
        const subscription = listed.find((found) => found.scopeId === scope);
        expect(subscription).toMatchObject({
            consumerTenantId: developmentTenant,
            producerMicroserviceId: producerMicroservice,
            producerTenantId: developmentTenant,
            publicStreamId: stream,
            partitionId: partition,
            state: 'connected',
            consentId: consent.consent,
            // Three public events crossed: the next position of the public stream it asks for is 3.
            position: 3,
            failureId: '',
        });
        expect([subscription!.lastReceived > 0, subscription!.connectedSince > 0, subscription!.lastReceived >= subscription!.connectedSince]).toEqual([true, true, true]);
    });
    it('lists a subscription the producer refused with the failure, the reason and when it tries again, at position 0', () => {
        const subscription = listed.find((found) => found.scopeId === unconsentedScope);
        expect(subscription).toMatchObject({ partitionId: unconsentedPartition, state: 'refused', failureId: missingConsent, reason: expect.stringContaining(`partition ${unconsentedPartition}`), consentId: '', position: 0, lastReceived: 0 });
        expect(subscription!.nextAttempt).toBeGreaterThan(0);
    });
    it('lists exactly the three subscriptions of the consumer tenant', () => {
        expect(listed.map((subscription) => subscription.scopeId).sort()).toEqual([scope, unconsentedScope, otherTenantScope].sort());
    });
    it('shows the subscriptions as a table with the consent of the connected one', () => {
        expect([table?.code, table?.stderr]).toEqual([0, '']);
        const row = (partitionId: string) => table?.stdout.split('\n').find((line) => line.includes(partitionId)) ?? '';
        expect(row(partition)).toMatch(new RegExp(`│ connected +│ 3 +│ \\d{4}-.+Z │ ${consent.consent} +│`));
        expect(row(unconsentedPartition)).toMatch(new RegExp(`│ refused until \\d{4}-.+Z +│ 0 +│ never +│ Producer Tenant .+ \\(${missingConsent}\\) +│`));
    });
    it('counts the received events in the consumer\'s metrics', () => {
        expect(valueOf(metrics, receivedEvents, fromProducer)).toBe(3);
    });
    it('shows one connected subscription in the consumer\'s metrics (the refused ones never connected)', () => {
        expect(valueOf(metrics, connectedSubscriptions, fromProducer)).toBe(1);
    });
});
