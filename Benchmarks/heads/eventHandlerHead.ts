// The benchmark head, run in a process of its own: a raw EventHandlers/Connect reverse-call client that registers one
// event handler (unpartitioned unless told), answers pings, acknowledges every handle request at once and reports over
// IPC, counting repeated events and events out of order within their partition.
// Argument: one JSON HeadArguments object.
import { randomUUID } from 'node:crypto';
import { eventHandlersService, guidToUuid, millisecondsToDuration, serviceNameOf, type dolittle } from '@dolittle-typescript/protocol';
import type * as GrpcJs from '@grpc/grpc-js';
import { benchmarkExecutionContext } from '../events/benchmarkExecutionContext.js';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { grpc } from '../grpcJs.js';
import { preciseNow } from '../measurement/preciseNow.js';
import type { HeadArguments, HeadMessage } from './HeadMessage.js';

type ClientMessage = dolittle.runtime.events.processing.EventHandlerClientToRuntimeMessage.$Properties;
type RuntimeMessage = dolittle.runtime.events.processing.EventHandlerRuntimeToClientMessage;

const headArguments = JSON.parse(process.argv[2] ?? '{}') as HeadArguments;
const report = (message: HeadMessage) => process.send?.(message);
const progressEvery = Math.max(1, Math.floor(headArguments.expected / 100));

const Client = grpc.makeClientConstructor(eventHandlersService, serviceNameOf(eventHandlersService));
const client = new Client(headArguments.address, grpc.credentials.createInsecure());
const connect = (client as unknown as Record<string, () => GrpcJs.ClientDuplexStream<ClientMessage, RuntimeMessage>>)['connect']!;
const call = connect.call(client);

let handled = 0;
let first = 0;
let repeated = 0;
let outOfOrder = 0;
const seen = new Set<number>();
const lastInPartition = new Map<string, number>();
call.on('data', (message: RuntimeMessage) => {
    const request = message.handleRequest;
    if (request !== null && request !== undefined) {
        const at = preciseNow();
        call.write({ handleResult: { callContext: { callId: request.callContext?.callId ?? null } } });
        handled++;
        if (handled === 1) {
            first = at;
        }
        const sequenceNumber = Number(request.event?.event?.eventLogSequenceNumber ?? -1);
        if (headArguments.report === 'count') {
            if (seen.has(sequenceNumber)) {
                repeated++;
            }
            seen.add(sequenceNumber);
            const partition = Buffer.from(request.event?.partitionId?.value ?? []).toString('hex');
            if ((lastInPartition.get(partition) ?? -1) >= sequenceNumber) {
                outOfOrder++;
            }
            lastInPartition.set(partition, sequenceNumber);
        }
        if (headArguments.report === 'each') {
            report({ kind: 'handled', at, sequenceNumber });
        } else if (handled === headArguments.expected) {
            report({ kind: 'done', handled, first, last: at, repeated, outOfOrder });
        } else if (handled % progressEvery === 0) {
            report({ kind: 'progress', handled, at });
        }
        return;
    }
    if (message.ping !== null && message.ping !== undefined) {
        call.write({ pong: {} });
        return;
    }
    const registration = message.registrationResponse;
    if (registration !== null && registration !== undefined) {
        const failure = registration.failure;
        report(failure === null || failure === undefined ? { kind: 'registered', at: preciseNow() } : { kind: 'refused', reason: failure.reason ?? '(no reason)' });
    }
});
call.on('error', (error: GrpcJs.ServiceError) => report({ kind: 'ended', reason: `gRPC status ${error.code}: ${error.details}` }));
call.on('end', () => report({ kind: 'ended', reason: 'the server ended the call' }));

report({ kind: 'connecting', at: preciseNow() });
call.write({
    registrationRequest: {
        callContext: { executionContext: benchmarkExecutionContext, headId: guidToUuid(randomUUID()), pingInterval: millisecondsToDuration(1_000) },
        scopeId: guidToUuid(benchmarkIdentifiers.emptyGuid),
        eventHandlerId: guidToUuid(headArguments.eventHandlerId),
        types: [{ id: guidToUuid(headArguments.eventTypeId), generation: 1 }],
        partitioned: headArguments.partitioned ?? false,
    },
});

const stop = () => {
    call.cancel();
    client.close();
    process.exit(0);
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
