// A head that sends what no SDK would, over a raw gRPC client of Projections/Connect: every malformed registration is
// refused with FailedToRegisterProjection naming what was wrong (in the status of the ended call), garbage answers change no read model, and the
// Runtime goes on serving a well-formed registration afterwards.
import { dolittle, guidToUuid, millisecondsToDuration, projectionsService, serviceNameOf } from '@dolittle-typescript/protocol';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anExecutionContext } from '../eventStore/given/anExecutionContext.js';
import { emptyGuid, newGuid, type Guid } from '../guids/index.js';
import { startInProcessHost, type InProcessHost } from '../host/given/inProcessHost.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { projectionFailureIds } from './failures.js';

type ClientMessage = dolittle.runtime.events.processing.ProjectionClientToRuntimeMessage.$Properties;
type RuntimeMessage = InstanceType<typeof dolittle.runtime.events.processing.ProjectionRuntimeToClientMessage>;
type Registration = dolittle.runtime.events.processing.ProjectionRegistrationRequest.$Properties;

const tenant = '445f8ea8-1a6f-40d7-b2fc-796dba92dc44' as Guid;
const ordered = newGuid();
const ProjectionsClient = grpc.makeClientConstructor(projectionsService, serviceNameOf(projectionsService));

/** One raw connection: what the Runtime sent, and how the call ended. */
class RawHead {
    readonly received: RuntimeMessage[] = [];
    status: grpc.StatusObject | undefined;
    readonly #client: grpc.Client;
    readonly #stream: grpc.ClientDuplexStream<ClientMessage, RuntimeMessage>;

    constructor(address: string) {
        this.#client = new ProjectionsClient(address, grpc.credentials.createInsecure());
        const connect = (this.#client as unknown as Record<string, () => grpc.ClientDuplexStream<ClientMessage, RuntimeMessage>>)['connect']!;
        this.#stream = connect.call(this.#client);
        this.#stream.on('data', (message: RuntimeMessage) => {
            this.received.push(message);
            if (message.Message === 'ping') {
                this.#stream.write({ pong: {} });
            }
        });
        this.#stream.on('status', (status: grpc.StatusObject) => {
            this.status = status;
        });
        this.#stream.on('error', () => undefined);
    }

    write(message: ClientMessage): void {
        this.#stream.write(message);
    }

    async registrationResponse(): Promise<dolittle.runtime.events.processing.ProjectionRegistrationResponse.$Properties> {
        await waitUntil(() => this.received.some((message) => message.registrationResponse), 'the Runtime answered the registration');
        return this.received.find((message) => message.registrationResponse)!.registrationResponse!;
    }

    requests(): ReadonlyArray<dolittle.runtime.events.processing.ProjectionRequest.$Properties> {
        return this.received.flatMap((message) => (message.handleRequest ? [message.handleRequest] : []));
    }

    close(): void {
        this.#stream.end();
        this.#client.close();
    }
}

function registration(projectionId: Guid, change: Partial<Registration> = {}): ClientMessage {
    return {
        registrationRequest: {
            callContext: {
                executionContext: {
                    microserviceId: guidToUuid('f39b1f61-d360-4675-b859-53c05c87c0e6'),
                    tenantId: guidToUuid(tenant),
                    version: { major: 1 },
                    correlationId: guidToUuid(newGuid()),
                    environment: 'Development',
                },
                headId: guidToUuid(newGuid()),
                pingInterval: millisecondsToDuration(1_000),
            },
            scopeId: guidToUuid(emptyGuid),
            projectionId: guidToUuid(projectionId),
            events: [{ eventType: { id: guidToUuid(ordered), generation: 1 }, eventSourceKeySelector: {} }],
            initialState: '{"count":0}',
            ...change,
        },
    };
}

describe('when a head sends malformed projection registrations and answers over raw gRPC', () => {
    let host: InProcessHost;
    const heads: RawHead[] = [];
    const open = (): RawHead => {
        const head = new RawHead(`127.0.0.1:${host.ports.privatePort}`);
        heads.push(head);
        return head;
    };
    // A refusal travels in the status details of the ended call, as for every processor (see connectReverseCall).
    const refusalOf = async (message: ClientMessage) => {
        const head = open();
        head.write(message);
        await waitUntil(() => head.status !== undefined, 'the Runtime ended the call');
        const details = /^Failure ([0-9a-f-]{36}): ([\s\S]*)$/.exec(head.status?.details ?? '');
        return [head.received.some((received) => received.registrationResponse) ? 'a registration response was written' : details?.[1], details?.[2] ?? head.status?.details] as const;
    };

    beforeAll(async () => {
        host = await startInProcessHost([tenant]);
    });
    afterAll(async () => {
        for (const head of heads) {
            head.close();
        }
        await host.dispose();
    });

    it('refuses a first message that is not a registration, saying so', async () => {
        const [id, reason] = await refusalOf({ handleResult: { replace: { state: '{}' } } });
        expect([id, reason]).toEqual([projectionFailureIds.failedToRegisterProjection, expect.stringMatching(/arguments/i)]);
    });

    it('refuses a projection id that is not a GUID, naming the field', async () => {
        const [id, reason] = await refusalOf(registration(newGuid(), { projectionId: { value: new Uint8Array(3) } }));
        expect([id, reason]).toEqual([projectionFailureIds.failedToRegisterProjection, expect.stringContaining('projectionId')]);
    });

    it('refuses an event selector without a key selector, naming it', async () => {
        const [id, reason] = await refusalOf(registration(newGuid(), { events: [{ eventType: { id: guidToUuid(ordered), generation: 1 } }] }));
        expect([id, reason]).toEqual([projectionFailureIds.failedToRegisterProjection, expect.stringContaining('events[0]')]);
    });

    it('refuses a property key selector without a property name, naming the field', async () => {
        const [id, reason] = await refusalOf(registration(newGuid(), { events: [{ eventType: { id: guidToUuid(ordered), generation: 1 }, eventPropertyKeySelector: { propertyName: '' } }] }));
        expect([id, reason]).toEqual([projectionFailureIds.failedToRegisterProjection, expect.stringContaining('events[0].eventPropertyKeySelector.propertyName')]);
    });

    it('refuses an event type without an id, naming the field', async () => {
        const [id, reason] = await refusalOf(registration(newGuid(), { events: [{ eventType: { generation: 1 }, eventSourceKeySelector: {} }] }));
        expect([id, reason]).toEqual([projectionFailureIds.failedToRegisterProjection, expect.stringContaining('events[0].eventType.id')]);
    });

    it('refuses an initial state that is not JSON', async () => {
        const [id, reason] = await refusalOf(registration(newGuid(), { initialState: '{count: zero' }));
        expect([id, reason]).toEqual([projectionFailureIds.failedToRegisterProjection, expect.stringContaining('its initial state is not JSON: {count: zero')]);
    });

    it('stores no definition for any refused registration', async () => {
        const stored = await host.tenants.get(tenant)!.storage.projections.definition(emptyGuid, emptyGuid);
        expect(stored).toBeUndefined();
    });

    describe('and a well-formed projection is then registered and its head answers garbage', () => {
        const projectionId = newGuid();
        const eventSource = newGuid();
        let head: RawHead;

        beforeAll(async () => {
            head = open();
            head.write(registration(projectionId));
            const result = await head.registrationResponse();
            if (result.failure) {
                throw new Error(`The well-formed registration was refused: ${result.failure.reason ?? ''}`);
            }
            const committed = await host.tenants.get(tenant)!.eventStore.commit({
                kind: 'events',
                executionContext: anExecutionContext(),
                events: [{ type: { id: ordered, generation: 1 }, eventSourceId: eventSource, public: false, content: '{"amount":1}' }],
            });
            if (!committed.succeeded) {
                throw new Error(committed.failure.reason);
            }
            await waitUntil(() => head.requests().length > 0, 'the Runtime asked the head to project the event');
        });

        it('treats an answer whose state is not JSON as a failure of that key: no read model is written', async () => {
            const [first] = head.requests();
            head.write({ handleResult: { callContext: { callId: first!.callContext!.callId! }, replace: { state: 'not json {' } } });
            const failing = async () => [...(await host.tenants.get(tenant)!.storage.projections.failingKeys(emptyGuid, projectionId)).values()];
            await waitUntil(async () => (await failing()).length > 0, 'the key failed');
            const afterNotJson = (await failing())[0]!.reason;
            expect([afterNotJson, await host.tenants.get(tenant)!.storage.projections.readModels(emptyGuid, projectionId)]).toEqual([
                `The head answered event 0 for key '${eventSource}' with a state that is not JSON: not json {`,
                [],
            ]);
        });

        it('ignores an answer to a call it never made, and stays up', async () => {
            head.write({ handleResult: { callContext: { callId: guidToUuid(newGuid()) }, replace: { state: '{"count":99}' } } });
            head.write({ handleResult: {} });
            const healthy = open();
            healthy.write(registration(newGuid()));
            expect([(await healthy.registrationResponse()).failure ?? undefined, await host.tenants.get(tenant)!.storage.projections.readModels(emptyGuid, projectionId)]).toEqual([undefined, []]);
        });
    });
});
