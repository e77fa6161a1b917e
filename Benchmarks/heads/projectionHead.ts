// The benchmark projection head, run in a process of its own: a raw Projections/Connect reverse-call client that
// registers one projection of one event type keyed by event source id, answers pings, answers every projection request
// at once with a replace of the read model's counter plus one, and reports over IPC (the messages of HeadMessage).
// Argument: one JSON ProjectionHeadArguments object.
import { randomUUID } from 'node:crypto';
import { guidToUuid, millisecondsToDuration, projectionsService, serviceNameOf, type dolittle } from '@dolittle-typescript/protocol';
import type * as GrpcJs from '@grpc/grpc-js';
import { benchmarkExecutionContext } from '../events/benchmarkExecutionContext.js';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { grpc } from '../grpcJs.js';
import { preciseNow } from '../measurement/preciseNow.js';
import type { HeadMessage } from './HeadMessage.js';
import type { ProjectionHeadArguments } from './ProjectionHeadArguments.js';

type ClientMessage = dolittle.runtime.events.processing.ProjectionClientToRuntimeMessage.$Properties;
type RuntimeMessage = dolittle.runtime.events.processing.ProjectionRuntimeToClientMessage;

const headArguments = JSON.parse(process.argv[2] ?? '{}') as ProjectionHeadArguments;
const report = (message: HeadMessage) => process.send?.(message);
const progressEvery = Math.max(1, Math.floor(headArguments.expected / 100));

const Client = grpc.makeClientConstructor(projectionsService, serviceNameOf(projectionsService));
const client = new Client(headArguments.address, grpc.credentials.createInsecure());
const connect = (client as unknown as Record<string, () => GrpcJs.ClientDuplexStream<ClientMessage, RuntimeMessage>>)['connect']!;
const call = connect.call(client);

/** The read model's counter, from the current state the Runtime sent (the initial state when the key is new). */
function countIn(state: string | null | undefined): number {
    const parsed = JSON.parse(state ?? '{}') as { readonly count?: unknown };
    return typeof parsed.count === 'number' ? parsed.count : 0;
}

let handled = 0;
let first = 0;
call.on('data', (message: RuntimeMessage) => {
    const request = message.handleRequest;
    if (request !== null && request !== undefined) {
        const at = preciseNow();
        const count = countIn(request.currentState?.state) + 1;
        call.write({ handleResult: { callContext: { callId: request.callContext?.callId ?? null }, replace: { state: `{"count":${count}}` } } });
        handled++;
        if (handled === 1) {
            first = at;
        }
        if (handled === headArguments.expected) {
            report({ kind: 'done', handled, first, last: at });
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
        projectionId: guidToUuid(headArguments.projectionId),
        events: [{ eventType: { id: guidToUuid(headArguments.eventTypeId), generation: 1 }, eventSourceKeySelector: {} }],
        initialState: headArguments.initialState,
    },
});

const stop = () => {
    call.cancel();
    client.close();
    process.exit(0);
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
