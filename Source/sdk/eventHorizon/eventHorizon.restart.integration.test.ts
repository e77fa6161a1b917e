import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { consentFor, consumerMicroservice, consumerStore, producerMicroservice, startConsumer, startProducer } from '../../runtime/eventHorizon/given/twoMicroservices.js';
import { backendsForTests } from '../../runtime/host/given/backendsForTests.js';
import { developmentTenant } from '../../runtime/host/given/developmentTenant.js';
import { printLogsOnFailure } from '../../runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../../runtime/host/given/RuntimeUnderTest.js';
import { waitUntil } from '../../runtime/host/given/waitUntil.js';
import { describeForEachBackend } from '../../runtime/storage/postgres/given/describeForEachBackend.js';
import type { Client } from '../Client.js';
import { connectOurClient, type RecordedLines } from '../given/connectOurClient.js';
import { PartitionedFilterResult } from '../filters/PartitionedFilterResult.js';

const backends = await backendsForTests(import.meta.url);

describeForEachBackend(backends, 'when the consumer\'s Runtime on the $kind store is killed and restarted under a head with an Event Horizon subscription', (backend) => {
    let producer: RuntimeUnderTest | undefined;
    let consumer: RuntimeUnderTest | undefined;
    let producerHead: Client | undefined;
    let consumerHead: Client | undefined;
    const recorded: RecordedLines = { lines: [] };
    const eventType = randomUUID();
    const [stream, partition, scope] = [randomUUID(), randomUUID(), randomUUID()];
    const handled: string[] = [];
    printLogsOnFailure(() => producer);
    printLogsOnFailure(() => consumer);

    const commitPublic = (name: string) => producerHead!.eventStore.forTenant(developmentTenant).commit({ content: { name }, eventSourceId: randomUUID(), eventType, public: true });

    beforeAll(async () => {
        producer = await startProducer(backend, [consentFor(stream, partition)]);
        consumer = await startConsumer(backend, producer, consumerStore(backend));
        producerHead = connectOurClient(producer, (builder) => builder
            .withFilters((filters) => filters.createPublicFilter(stream, (filter) => filter.handle(() => new PartitionedFilterResult(true, partition)))), recorded, producerMicroservice);
        await producerHead.registered;
        consumerHead = connectOurClient(consumer, (builder) => builder
            .withEventHorizons((eventHorizons) => eventHorizons.forTenant(developmentTenant, (tenant) => {
                tenant.fromProducerMicroservice(producerMicroservice).fromProducerTenant(developmentTenant).fromProducerStream(stream).fromProducerPartition(partition).toScope(scope);
            }))
            .withEventHandlers((handlers) => handlers.createEventHandler(randomUUID(), (handler) => handler.inScope(scope).unpartitioned()
                .handle(eventType, (event: { readonly name: string }) => {
                    handled.push(event.name);
                }))), recorded, consumerMicroservice);
        await consumerHead.eventHorizons.subscribed;
        await commitPublic('before the restart');
        await waitUntil(() => handled.includes('before the restart'), 'the scoped handler handled the event committed before the restart', 60_000);
        await consumer.kill('SIGKILL');
        await consumer.restart();
        await commitPublic('after the restart');
        await waitUntil(() => handled.includes('after the restart'), 'the scoped handler handled the event committed after the restart', 60_000);
    }, 180_000);
    afterAll(async () => {
        await consumerHead?.disconnect();
        await producerHead?.disconnect();
        await consumer?.dispose();
        await producer?.dispose();
    });

    it('asks for the subscription again by itself, so the public events keep arriving', () => {
        expect(handled.filter((name) => name === 'after the restart').length).toBeGreaterThanOrEqual(1);
    });
    it('logs that it asked again because the connection came back', () => {
        expect(recorded.lines.some((line) => line.includes('asking for an Event Horizon subscription again'))).toBe(true);
    });
});
