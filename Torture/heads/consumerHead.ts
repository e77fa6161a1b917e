// The consumers of a torture run, in a process of their own (so that the run can SIGKILL it): an unpartitioned and a
// partitioned event handler, a projection and the public filter of the Event Horizon, over raw reverse calls. Each delivery to a handler is written to the
// deliveries file (synchronously, before the answer: a delivery the Runtime saw answered is always on record) as
// `processor,connection,tenant,sequenceNumber,partition`. The projection keeps a counter per event source. When a
// call ends it connects again; the run sends the Runtime's new address over IPC after each restart.
// Arguments: the Runtime's address, the deliveries file, the number its connections count on from (a head started
// again must not number its connections as the killed one did: the checker tells connections apart by their number).
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { eventHandlersService, filtersService, guidToUuid, millisecondsToDuration, projectionsService, serviceNameOf, uuidToGuid, type dolittle } from '@dolittle-typescript/protocol';
import type * as GrpcJs from '@grpc/grpc-js';
import { grpc } from '../../Benchmarks/grpcJs.js';
import { executionContextFor, tortureIdentifiers } from '../identifiers.js';

type AnyStream = GrpcJs.ClientDuplexStream<Record<string, unknown>, Record<string, unknown>>;

let address = process.argv[2] ?? '';
const deliveries = openSync(process.argv[3] ?? 'deliveries.csv', 'a');
const tenantIndex = new Map(tortureIdentifiers.tenants.map((tenant, index) => [tenant, index]));
const reconnectDelay = 200;

/** The names a kind of reverse call uses: its method, and the fields of its requests and results. */
type ReverseCall = { readonly method: string; readonly request: string; readonly result: string };
const handlerCall: ReverseCall = { method: 'connect', request: 'handleRequest', result: 'handleResult' };
const publicFilterCall: ReverseCall = { method: 'connectPublic', request: 'filterRequest', result: 'filterResult' };

/** One processor's reverse call, connected again whenever it ends. */
class Consumer {
    readonly #name: string;
    readonly #service: GrpcJs.ServiceDefinition;
    readonly #registration: () => Record<string, unknown>;
    readonly #answer: (request: Record<string, unknown>, connection: number) => Record<string, unknown>;
    readonly #call: ReverseCall;
    #connection = Number(process.argv[4] ?? 0);
    #client: GrpcJs.Client | undefined;
    #stream: AnyStream | undefined;
    #timer: NodeJS.Timeout | undefined;

    constructor(name: string, service: GrpcJs.ServiceDefinition, registration: () => Record<string, unknown>, answer: (request: Record<string, unknown>, connection: number) => Record<string, unknown>, call: ReverseCall = handlerCall) {
        this.#name = name;
        this.#call = call;
        this.#service = service;
        this.#registration = registration;
        this.#answer = answer;
    }

    connect(): void {
        this.#close();
        this.#connection += 1;
        const connection = this.#connection;
        const Client = grpc.makeClientConstructor(this.#service, serviceNameOf(this.#service));
        const client = new Client(address, grpc.credentials.createInsecure());
        const stream = (client as unknown as Record<string, () => AnyStream>)[this.#call.method]!.call(client);
        this.#client = client;
        this.#stream = stream;
        stream.on('data', (message: Record<string, unknown>) => {
            const request = message[this.#call.request] as Record<string, unknown> | undefined;
            if (request) {
                stream.write({ [this.#call.result]: this.#answer(request, connection) });
            } else if (message['ping']) {
                stream.write({ pong: {} });
            } else if (message['registrationResponse']) {
                const failure = (message['registrationResponse'] as { failure?: { reason?: string } }).failure;
                if (failure) {
                    process.stderr.write(`${this.#name}: registration refused: ${failure.reason ?? ''}\n`);
                }
            }
        });
        const again = () => {
            if (this.#stream === stream && this.#timer === undefined) {
                this.#timer = setTimeout(() => {
                    this.#timer = undefined;
                    this.connect();
                }, reconnectDelay);
            }
        };
        stream.on('error', again);
        stream.on('end', again);
        stream.on('status', again);
        stream.write(this.#registration());
    }

    #close(): void {
        clearTimeout(this.#timer);
        this.#timer = undefined;
        const [stream, client] = [this.#stream, this.#client];
        this.#stream = undefined;
        this.#client = undefined;
        stream?.cancel();
        client?.close();
    }
}

const callContext = () => ({ executionContext: executionContextFor(tortureIdentifiers.tenants[0]!), headId: guidToUuid(randomUUID()), pingInterval: millisecondsToDuration(1_000) });

function recordDelivery(processor: string, connection: number, request: Record<string, unknown>): void {
    const streamEvent = request['event'] as dolittle.runtime.events.processing.StreamEvent.$Properties;
    const event = streamEvent.event!;
    const tenant = tenantIndex.get(uuidToGuid(event.executionContext?.tenantId)) ?? -1;
    writeSync(deliveries, `${processor},${connection},${tenant},${Number(event.eventLogSequenceNumber)},${uuidToGuid(streamEvent.partitionId)}\n`);
}

function handlerAnswer(processor: string) {
    return (request: Record<string, unknown>, connection: number) => {
        recordDelivery(processor, connection, request);
        return { callContext: { callId: (request['callContext'] as { callId: unknown }).callId } };
    };
}

const consumers = [
    new Consumer('unpartitioned handler', eventHandlersService, () => ({
        registrationRequest: {
            callContext: callContext(),
            scopeId: guidToUuid(tortureIdentifiers.emptyGuid),
            eventHandlerId: guidToUuid(tortureIdentifiers.unpartitionedHandler),
            types: [{ id: guidToUuid(tortureIdentifiers.ordered), generation: 1 }],
            partitioned: false,
        },
    }), handlerAnswer('unpartitioned')),
    new Consumer('partitioned handler', eventHandlersService, () => ({
        registrationRequest: {
            callContext: callContext(),
            scopeId: guidToUuid(tortureIdentifiers.emptyGuid),
            eventHandlerId: guidToUuid(tortureIdentifiers.partitionedHandler),
            types: [{ id: guidToUuid(tortureIdentifiers.ordered), generation: 1 }, { id: guidToUuid(tortureIdentifiers.aggregated), generation: 1 }],
            partitioned: true,
        },
    }), handlerAnswer('partitioned')),
    new Consumer('projection', projectionsService, () => ({
        registrationRequest: {
            callContext: callContext(),
            scopeId: guidToUuid(tortureIdentifiers.emptyGuid),
            projectionId: guidToUuid(tortureIdentifiers.projection),
            events: [{ eventType: { id: guidToUuid(tortureIdentifiers.ordered), generation: 1 }, eventSourceKeySelector: {} }],
            initialState: '{"count":0}',
        },
    }), (request) => {
        const current = request['currentState'] as { state?: string };
        const count = (JSON.parse(current.state ?? '{}') as { count?: number }).count ?? 0;
        return { callContext: { callId: (request['callContext'] as { callId: unknown }).callId }, replace: { state: JSON.stringify({ count: count + 1 }) } };
    }),
    // Every public event goes into one partition of the public stream the Event Horizon consumer subscribes to.
    new Consumer('public filter', filtersService, () => ({
        registrationRequest: { callContext: callContext(), filterId: guidToUuid(tortureIdentifiers.publicFilter) },
    }), (request) => ({
        callContext: { callId: (request['callContext'] as { callId: unknown }).callId },
        isIncluded: true,
        partitionId: guidToUuid(tortureIdentifiers.publicPartition),
    }), publicFilterCall),
];

consumers.forEach((consumer) => consumer.connect());
process.on('message', (message: { readonly address?: string }) => {
    if (typeof message.address === 'string' && message.address !== address) {
        address = message.address;
        consumers.forEach((consumer) => consumer.connect());
    }
});
process.on('disconnect', () => {
    closeSync(deliveries);
    process.exit(0);
});
