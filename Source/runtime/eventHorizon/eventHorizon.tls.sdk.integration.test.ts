import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { commitEvents } from '../host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { makeNamespacePair, type NamespacePair, type NoNamespaces } from './given/networkNamespaces.js';
import { makeTestCertificates, type TestCertificates } from './given/testCertificates.js';
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

const backends = await backendsForTests(import.meta.url);

describeForEachBackend(backends, 'when the producer serves its public port over TLS to a consumer in another network namespace, on the $kind store', (backend) => {
    let network: NamespacePair | NoNamespaces;
    let certificates: TestCertificates | undefined;
    let producer: RuntimeUnderTest | undefined;
    let consumer: RuntimeUnderTest | undefined;
    let committer: ConnectedClient;
    let producerHead: ConnectedClient;
    let consumerHead: ConsumerHead;
    const store = consumerStore(backend);
    const eventTypeId = randomUUID();
    const [stream, partition, scope] = [randomUUID(), randomUUID(), randomUUID()];
    printLogsOnFailure(() => producer);
    printLogsOnFailure(() => consumer);

    beforeAll(async () => {
        network = backend.kind === 'embedded'
            ? makeNamespacePair()
            : { kind: 'loopback', reason: 'the Runtimes use the PostgreSQL server on 127.0.0.1, which a Runtime inside a network namespace cannot reach' };
        if (network.kind === 'loopback') {
            console.warn(`The Event Horizon TLS test on the ${backend.kind} store runs over loopback ports: ${network.reason}`);
        }
        const producerAddress = network.kind === 'namespaces' ? network.producerAddressForConsumer : '127.0.0.1';
        certificates = makeTestCertificates([producerAddress]);
        const inNamespace = (side: 'producer' | 'consumer') => (network.kind === 'namespaces' ? network[side] : {});
        producer = await startProducer(backend, [consentFor(stream, partition)], { publicEndpoint: { certificate: certificates.certificate, key: certificates.key }, ...inNamespace('producer') });
        consumer = await startConsumer(backend, producer, store, {
            microservices: { [producerMicroservice]: { host: producerAddress, port: producer.publicPort, certificateAuthority: certificates.certificateAuthority } },
            ...inNamespace('consumer'),
        });
        committer = connectClient(producer, (builder) => builder, producerMicroservice);
        producerHead = connectProducerHead(producer, stream, partition);
        consumerHead = connectConsumerHead(consumer, eventTypeId, [{ stream, partition, scope }]);
        await commitEvents(committer.client.eventStore.forTenant(developmentTenant), eventTypeId, [{ content: { name: 'across' }, eventSourceId: randomUUID(), public: true }]);
        await consumerHead.handled.waitFor((call) => call.content['name'] === 'across', 'the consumer handled the event sent over TLS', 60_000);
    }, 120_000);
    afterAll(async () => {
        committer?.disconnect();
        producerHead?.disconnect();
        consumerHead?.disconnect();
        await consumer?.dispose();
        await producer?.dispose();
        certificates?.remove();
        if (network?.kind === 'namespaces') {
            network.remove();
        }
    });

    it('serves the public port over TLS', () => {
        expect(producer!.logs()).toMatch(/"endpoint":"public","port":\d+,"tls":true/);
    });
    it('lets the public event cross to the consumer\'s scoped handler', async () => {
        expect([consumerHead.handled.succeeded.map((call) => call.content['name']), (await store.scopedEventLog(consumer!, scope)).length]).toEqual([['across'], 1]);
    });
    it('reaches the producer at its address on the link between the namespaces (or loopback, when they cannot be made)', () => {
        const expected = network.kind === 'namespaces' ? network.producerAddressForConsumer : '127.0.0.1';
        expect(consumer!.logs()).toContain(`"address":"${expected}:${producer!.publicPort}"`);
    });
});
