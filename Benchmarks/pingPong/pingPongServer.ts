// The ping-pong ceiling's server, run in a process of its own: a bare grpc-js EventHandlers/Connect server that
// accepts the registration, then sends handle requests like the Runtime's one at a time, each after the previous
// response, and reports the time of the first request and the last response over IPC. No storage, no processing.
// Argument: one JSON PingPongArguments object.
import { eventHandlersService, uuidToGuid, type dolittle } from '@dolittle-typescript/protocol';
import type * as GrpcJs from '@grpc/grpc-js';
import { grpc } from '../grpcJs.js';
import { preciseNow } from '../measurement/preciseNow.js';
import { handleEventRequest } from './handleEventRequest.js';
import type { PingPongArguments, PingPongMessage } from './PingPongMessage.js';

type ClientMessage = dolittle.runtime.events.processing.EventHandlerClientToRuntimeMessage;
type ServerMessage = dolittle.runtime.events.processing.EventHandlerRuntimeToClientMessage.$Properties;

const { roundTrips } = JSON.parse(process.argv[2] ?? '{}') as PingPongArguments;
const report = (message: PingPongMessage) => process.send?.(message);

function serve(call: GrpcJs.ServerDuplexStream<ClientMessage, ServerMessage>): void {
    let sent = 0;
    let waitingFor = '';
    let first = 0;
    const sendNext = () => {
        const { callId, request } = handleEventRequest(sent++);
        waitingFor = callId;
        call.write({ handleRequest: request });
    };
    call.on('data', (message: ClientMessage) => {
        if (message.registrationRequest !== null && message.registrationRequest !== undefined) {
            call.write({ registrationResponse: {} });
            first = preciseNow();
            sendNext();
            return;
        }
        const result = message.handleResult;
        if (result === null || result === undefined || uuidToGuid(result.callContext?.callId) !== waitingFor) {
            return;
        }
        if (sent < roundTrips) {
            sendNext();
            return;
        }
        report({ kind: 'done', roundTrips, first, last: preciseNow() });
        call.end();
    });
    call.on('error', () => undefined);
}

const server = new grpc.Server();
server.addService(eventHandlersService, { connect: serve });
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
    report(error === null ? { kind: 'listening', port } : { kind: 'failed', reason: error.message });
});
process.on('SIGTERM', () => {
    server.forceShutdown();
    process.exit(0);
});
process.on('disconnect', () => process.exit(0));
