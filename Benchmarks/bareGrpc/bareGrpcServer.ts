// The gRPC-only ceilings' server, run in a process of its own: bare grpc-js with the protocol's messages and no
// storage or processing. EventStore/Commit answers at once with committed events like the Runtime's.
// EventHandlers/Connect accepts the registration, then sends handle requests like the Runtime's one at a time, each
// after the previous response, and reports the time of the first request and the last response over IPC.
// Argument: one JSON BareGrpcArguments object.
import { eventHandlersService, eventStoreService, uuidToGuid, type dolittle } from '@dolittle-typescript/protocol';
import type * as GrpcJs from '@grpc/grpc-js';
import { grpc } from '../grpcJs.js';
import { preciseNow } from '../measurement/preciseNow.js';
import type { BareGrpcArguments, BareGrpcMessage } from './BareGrpcMessage.js';
import { committedEventsFor } from './committedEventsFor.js';
import { handleEventRequest } from './handleEventRequest.js';

type ClientMessage = dolittle.runtime.events.processing.EventHandlerClientToRuntimeMessage;
type ServerMessage = dolittle.runtime.events.processing.EventHandlerRuntimeToClientMessage.$Properties;
type CommitRequest = dolittle.runtime.events.CommitEventsRequest;
type CommitResponse = dolittle.runtime.events.CommitEventsResponse.$Properties;

const { roundTrips } = JSON.parse(process.argv[2] ?? '{}') as BareGrpcArguments;
const report = (message: BareGrpcMessage) => process.send?.(message);

function pingPong(call: GrpcJs.ServerDuplexStream<ClientMessage, ServerMessage>): void {
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

let nextSequenceNumber = 0;
function commit(call: GrpcJs.ServerUnaryCall<CommitRequest, CommitResponse>, callback: GrpcJs.sendUnaryData<CommitResponse>): void {
    const events = committedEventsFor(call.request, nextSequenceNumber);
    nextSequenceNumber += events.length;
    callback(null, { events: [...events] });
}

const server = new grpc.Server();
server.addService(eventHandlersService, { connect: pingPong });
server.addService(eventStoreService, { commit, commitForAggregate: () => undefined, fetchForAggregate: () => undefined });
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
    report(error === null ? { kind: 'listening', port } : { kind: 'failed', reason: error.message });
});
process.on('SIGTERM', () => {
    server.forceShutdown();
    process.exit(0);
});
process.on('disconnect', () => process.exit(0));
