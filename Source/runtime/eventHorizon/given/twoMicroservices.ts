import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PartitionedFilterResult } from '@dolittle/sdk.events.filtering';
import type { ClientBuilder } from '@dolittle/sdk';
import type { SubscriptionResponse } from '@dolittle/sdk.eventhorizon';
import { connectClient, type ConnectedClient } from '../../host/given/connectClient.js';
import { developmentTenant } from '../../host/given/developmentTenant.js';
import { HandledEvents } from '../../host/given/HandledEvents.js';
import type { RuntimeOptions } from '../../host/given/RuntimeOptions.js';
import type { RuntimeUnderTest } from '../../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../../host/given/startRuntime.js';
import type { TestBackend } from '../../host/given/TestBackend.js';

/** The producer's and the consumer's microservice ids in the Event Horizon tests. */
export const producerMicroservice = 'a14bb24e-51f3-4d83-9eba-44c4cffe6bb9';
export const consumerMicroservice = '7cf1ebc3-1a4d-4fa3-8a08-7d3b5a4f2c10';

/** A consent as written in event-horizon-consents.json. */
export type ConsentEntry = { readonly microservice: string; readonly tenant: string; readonly stream: string; readonly partition: string; readonly consent: string };

/** The consent of the development tenant for the consumer's development tenant to one partition of one stream. */
export function consentFor(stream: string, partition: string, tenant = developmentTenant): ConsentEntry {
    return { microservice: consumerMicroservice, tenant, stream, partition, consent: randomUUID() };
}

/** Starts a producer Runtime whose development tenant gives the consents. */
export function startProducer(backend: TestBackend, consents: ReadonlyArray<ConsentEntry>, more: Partial<RuntimeOptions> = {}): Promise<RuntimeUnderTest> {
    return startRuntime({ backend, microserviceId: producerMicroservice, consents: { [developmentTenant]: consents }, ...more });
}

/** Where the consumer keeps its event store, so that a test can read its scoped event log. */
export type ConsumerStore = { readonly resources: Record<string, unknown>; readonly scopedEventLog: (runtime: RuntimeUnderTest, scope: string) => Promise<ReadonlyArray<ScopedEventRow>> };

/** One row of the consumer's scoped event log, as stored. */
export type ScopedEventRow = {
    readonly sequenceNumber: number;
    readonly content: Record<string, unknown>;
    readonly public: boolean;
    readonly externalSequenceNumber: number | null;
    readonly externalReceived: number | null;
    readonly consent: string | null;
    readonly eventSource: string;
};

/** A consumer store on the backend whose scoped event log the test can read directly. */
export function consumerStore(backend: TestBackend): ConsumerStore {
    if (backend.kind === 'embedded') {
        return {
            resources: { [developmentTenant]: { eventStore: { servers: ['localhost'], database: 'consumer_event_store' } } },
            scopedEventLog: (runtime, scope) => {
                const database = new Database(join(runtime.dataFolder, 'consumer_event_store.sqlite'), { readonly: true, fileMustExist: true });
                try {
                    const rows = database.prepare('SELECT * FROM event_log WHERE scope = ? ORDER BY sequence_number').all(scope) as Array<Record<string, unknown>>;
                    return Promise.resolve(rows.map((row) => ({
                        sequenceNumber: Number(row['sequence_number']),
                        content: JSON.parse(String(row['content'])) as Record<string, unknown>,
                        public: row['public'] === 1,
                        externalSequenceNumber: row['external_sequence_number'] === null ? null : Number(row['external_sequence_number']),
                        externalReceived: row['external_received'] === null ? null : Number(row['external_received']),
                        consent: row['consent'] === null ? null : String(row['consent']),
                        eventSource: String(row['event_source']),
                    })));
                } finally {
                    database.close();
                }
            },
        };
    }
    const schema = `consumer_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    return {
        resources: { [developmentTenant]: { eventStore: { postgres: { connectionString: backend.connectionString, schema } } } },
        scopedEventLog: async (_, scope) => {
            const client = new pg.Client({ connectionString: backend.connectionString });
            await client.connect();
            try {
                const result = await client.query<Record<string, unknown>>(
                    `SELECT sequence_number::text, content, public, external_sequence_number::text, (extract(epoch from external_received) * 1000)::bigint::text AS external_received, consent::text, event_source::text
                     FROM "${schema}".event_log AS event WHERE scope = $1 ORDER BY event.sequence_number`,
                    [scope],
                );
                return result.rows.map((row) => ({
                    sequenceNumber: Number(row['sequence_number']),
                    content: JSON.parse(String(row['content'])) as Record<string, unknown>,
                    public: row['public'] === true,
                    externalSequenceNumber: row['external_sequence_number'] === null ? null : Number(row['external_sequence_number']),
                    externalReceived: row['external_received'] === null ? null : Number(row['external_received']),
                    consent: row['consent'] === null ? null : String(row['consent']),
                    eventSource: String(row['event_source']),
                }));
            } catch (error) {
                // Before the consumer's first start the schema does not exist yet.
                if (error instanceof Error && /does not exist/.test(error.message)) {
                    return [];
                }
                throw error;
            } finally {
                await client.end();
            }
        },
    };
}

/** Starts a consumer Runtime that knows where the producer's public port is. */
export function startConsumer(backend: TestBackend, producer: RuntimeUnderTest, store: ConsumerStore, more: Partial<RuntimeOptions> = {}): Promise<RuntimeUnderTest> {
    return startRuntime({
        backend,
        microserviceId: consumerMicroservice,
        resources: store.resources,
        microservices: { [producerMicroservice]: { host: '127.0.0.1', port: producer.publicPort } },
        ...more,
    });
}

/** A producer head: a public filter that puts every public event into one partition of its public stream. */
export function connectProducerHead(producer: RuntimeUnderTest, stream: string, partition: string): ConnectedClient {
    return connectClient(producer, (builder) => builder.withFilters((filters) => {
        filters.createPublicFilter(stream, (filter) => filter.handle(() => new PartitionedFilterResult(true, partition)));
    }), producerMicroservice);
}

/** One subscription a consumer head asks for. */
export type SubscriptionRequest = { readonly stream: string; readonly partition: string; readonly scope: string; readonly producerTenant?: string };

/** What a consumer head saw: its scoped handler's calls and its subscriptions' answers. */
export type ConsumerHead = ConnectedClient & { readonly handled: HandledEvents; readonly responses: SubscriptionResponse[] };

/** A consumer head: subscriptions into scopes, and an event handler of the event type in the first subscription's scope. */
export function connectConsumerHead(consumer: RuntimeUnderTest, eventTypeId: string, subscriptions: ReadonlyArray<SubscriptionRequest>, more: (builder: ClientBuilder) => ClientBuilder = (builder) => builder): ConsumerHead {
    const handled = new HandledEvents();
    const responses: SubscriptionResponse[] = [];
    const scope = subscriptions[0]?.scope ?? randomUUID();
    const client = connectClient(consumer, (builder) => more(builder
        .withEventHorizons((eventHorizons) => eventHorizons.forTenant(developmentTenant, (tenant) => {
            for (const subscription of subscriptions) {
                tenant.fromProducerMicroservice(producerMicroservice)
                    .fromProducerTenant(subscription.producerTenant ?? developmentTenant)
                    .fromProducerStream(subscription.stream)
                    .fromProducerPartition(subscription.partition)
                    .toScope(subscription.scope)
                    .onCompleted((_, __, response) => responses.push(response));
            }
        }))
        .withEventHandlers((eventHandlers) => eventHandlers.createEventHandler(randomUUID(), (handler) => handler.inScope(scope).unpartitioned().handle(eventTypeId, handled.handler())))), consumerMicroservice);
    return { ...client, handled, responses };
}
