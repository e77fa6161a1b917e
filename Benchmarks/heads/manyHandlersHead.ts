// A benchmark head with many event handlers, run in a process of its own: one raw EventHandlers/Connect reverse call per
// handler, each unpartitioned with one event type, answering pings and acknowledging every handle request at once. It
// reports 'registered' once every handler is, and 'progress' with the events handled by all of them together.
// Argument: one JSON ManyHandlersHeadArguments object.
import { randomUUID } from 'node:crypto';
import { eventHandlersService, guidToUuid, millisecondsToDuration, serviceNameOf, type dolittle } from '@dolittle-typescript/protocol';
import type * as GrpcJs from '@grpc/grpc-js';
import { benchmarkExecutionContext } from '../events/benchmarkExecutionContext.js';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { grpc } from '../grpcJs.js';
import { preciseNow } from '../measurement/preciseNow.js';
import type { HeadMessage } from './HeadMessage.js';
import type { ManyHandlersHeadArguments } from './ManyHandlersHeadArguments.js';

type ClientMessage = dolittle.runtime.events.processing.EventHandlerClientToRuntimeMessage.$Properties;
type RuntimeMessage = dolittle.runtime.events.processing.EventHandlerRuntimeToClientMessage;

const headArguments = JSON.parse(process.argv[2] ?? '{}') as ManyHandlersHeadArguments;
const report = (message: HeadMessage) => process.send?.(message);

const Client = grpc.makeClientConstructor(eventHandlersService, serviceNameOf(eventHandlersService));
const client = new Client(headArguments.address, grpc.credentials.createInsecure(), { 'grpc.max_receive_message_length': -1 });
const connect = (client as unknown as Record<string, () => GrpcJs.ClientDuplexStream<ClientMessage, RuntimeMessage>>)['connect']!;
const headId = guidToUuid(randomUUID());

let handled = 0;
let registered = 0;
const calls = headArguments.handlers.map((handler) => {
    const call = connect.call(client);
    call.on('data', (message: RuntimeMessage) => {
        const request = message.handleRequest;
        if (request !== null && request !== undefined) {
            call.write({ handleResult: { callContext: { callId: request.callContext?.callId ?? null } } });
            handled++;
            if (handled % headArguments.progressEvery === 0) {
                report({ kind: 'progress', handled, at: preciseNow() });
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
            if (failure !== null && failure !== undefined) {
                report({ kind: 'refused', reason: `${handler.eventHandlerId}: ${failure.reason ?? '(no reason)'}` });
            } else if (++registered === headArguments.handlers.length) {
                report({ kind: 'registered', at: preciseNow() });
            }
        }
    });
    call.on('error', (error: GrpcJs.ServiceError) => report({ kind: 'ended', reason: `${handler.eventHandlerId}: gRPC status ${error.code}: ${error.details}` }));
    call.on('end', () => report({ kind: 'ended', reason: `${handler.eventHandlerId}: the server ended the call` }));
    return { call, handler };
});

report({ kind: 'connecting', at: preciseNow() });
for (const { call, handler } of calls) {
    call.write({
        registrationRequest: {
            callContext: { executionContext: benchmarkExecutionContext, headId, pingInterval: millisecondsToDuration(5_000) },
            scopeId: guidToUuid(benchmarkIdentifiers.emptyGuid),
            eventHandlerId: guidToUuid(handler.eventHandlerId),
            types: [{ id: guidToUuid(handler.eventTypeId), generation: 1 }],
            partitioned: false,
        },
    });
}

const stop = () => {
    calls.forEach(({ call }) => call.cancel());
    client.close();
    process.exit(0);
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
