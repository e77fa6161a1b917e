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
import type { EventContext } from '../eventStore/EventContext.js';
import { PartitionedFilterResult } from '../filters/PartitionedFilterResult.js';
import { connectOurClient, type RecordedLines } from '../given/connectOurClient.js';
import type { SubscriptionOutcome } from './Subscription.js';

const backends = await backendsForTests(import.meta.url);

describeForEachBackend(backends, 'when our SDK subscribes over the Event Horizon on the $kind store', (backend) => {
    let producer: RuntimeUnderTest | undefined;
    let consumer: RuntimeUnderTest | undefined;
    let producerHead: Client;
    let consumerHead: Client;
    const recorded: RecordedLines = { lines: [] };
    const eventType = randomUUID();
    const [stream, partition, unconsentedPartition, scope, unconsentedScope] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const handled: Array<{ readonly name: string; readonly eventSourceId: string }> = [];
    const outcomes: SubscriptionOutcome[] = [];
    const failedCallbacks: string[] = [];
    const committedSources: Record<string, string> = {};
    const scopedProjection = randomUUID();
    const projected = async () => Object.fromEntries([...await consumerHead.projections.forTenant(developmentTenant).getAll(scopedProjection, scope)].map(([key, state]) => [key.value, (state.state as { names: string[] }).names]));
    printLogsOnFailure(() => producer);
    printLogsOnFailure(() => consumer);

    const commit = async (name: string, isPublic: boolean) => {
        const eventSourceId = randomUUID();
        committedSources[name] = eventSourceId;
        await producerHead.eventStore.forTenant(developmentTenant).commit({ content: { name }, eventSourceId, eventType, public: isPublic });
    };

    beforeAll(async () => {
        producer = await startProducer(backend, [consentFor(stream, partition)]);
        consumer = await startConsumer(backend, producer, consumerStore(backend));
        producerHead = connectOurClient(producer, (builder) => builder
            .withFilters((filters) => filters.createPublicFilter(stream, (filter) => filter.handle(() => new PartitionedFilterResult(true, partition)))), recorded, producerMicroservice);
        await producerHead.registered;
        await commit('private before', false);
        await commit('public before', true);
        consumerHead = connectOurClient(consumer, (builder) => builder
            .withEventHorizons((eventHorizons) => eventHorizons
                .forTenant(developmentTenant, (tenant) => {
                    tenant.fromProducerMicroservice(producerMicroservice).fromProducerTenant(developmentTenant).fromProducerStream(stream).fromProducerPartition(partition).toScope(scope);
                    tenant.fromProducerMicroservice(producerMicroservice).fromProducerTenant(developmentTenant).fromProducerStream(stream).fromProducerPartition(unconsentedPartition).toScope(unconsentedScope)
                        .onFailure((_, subscription) => failedCallbacks.push(subscription.scope.value));
                }))
            .withProjections((projections) => projections.createProjection(scopedProjection).forReadModel<{ names: string[] }>({ names: [] }).inScope(scope)
                .on<{ readonly name: string }>(eventType, (_) => _.keyFromEventSource(), (readModel, event) => ({ names: [...readModel.names, event.name] })))
            .withEventHandlers((handlers) => handlers.createEventHandler(randomUUID(), (handler) => handler.inScope(scope).unpartitioned()
                .handle(eventType, (event: { readonly name: string }, context: EventContext) => {
                    handled.push({ name: event.name, eventSourceId: context.eventSourceId.value });
                }))), recorded, consumerMicroservice);
        consumerHead.eventHorizons.onResponse((outcome) => outcomes.push(outcome));
        await waitUntil(() => handled.some((event) => event.name === 'public before'), 'the scoped handler handled the first public event', 60_000);
        await commit('private after', false);
        await commit('public after', true);
        await waitUntil(() => handled.some((event) => event.name === 'public after'), 'the scoped handler handled the second public event', 60_000);
        await waitUntil(() => failedCallbacks.length >= 1, 'the unconsented subscription was refused', 30_000);
        await waitUntil(async () => Object.keys(await projected()).length === 2, 'the scoped projection projected both public events', 30_000);
    }, 180_000);
    afterAll(async () => {
        await consumerHead?.disconnect();
        await producerHead?.disconnect();
        await consumer?.dispose();
        await producer?.dispose();
    });

    it('delivers the public events, and only those, into the scoped event handler in order and once', () => {
        expect(handled.map((event) => event.name)).toEqual(['public before', 'public after']);
    });
    it('projects the received events with a projection in the scope', async () => {
        expect(await projected()).toEqual({ [committedSources['public before']!]: ['public before'], [committedSources['public after']!]: ['public after'] });
    });
    it('keeps the event source of each event', () => {
        expect(handled.map((event) => event.eventSourceId)).toEqual([committedSources['public before'], committedSources['public after']]);
    });
    it('reports the accepted subscription with its consent to onResponse listeners', () => {
        const accepted = outcomes.filter((outcome) => !outcome.response.failed);
        expect(accepted.map((outcome) => [outcome.subscription.scope.value, outcome.consumerTenant.value])).toEqual([[scope, developmentTenant]]);
        expect(accepted[0]?.response.consentId).toMatch(/^[0-9a-f-]{36}$/);
    });
    it('reports the refused subscription with the Runtime\'s reason, to onFailure and to listeners', () => {
        const refused = outcomes.filter((outcome) => outcome.response.failed);
        expect([failedCallbacks[0], refused[0]?.subscription.scope.value, (refused[0]?.response.failure?.reason.length ?? 0) > 0]).toEqual([unconsentedScope, unconsentedScope, true]);
    });
    it('logs why the refused subscription is asked again', () => {
        expect(recorded.lines.some((line) => line.includes('An Event Horizon subscription was not accepted; asking again') && line.includes(unconsentedScope))).toBe(true);
    });
});
