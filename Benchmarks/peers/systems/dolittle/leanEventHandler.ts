import { randomUUID } from 'node:crypto';
import { eventHandlersService, guidToUuid, millisecondsToDuration, serviceNameOf, type dolittle } from '@dolittle-typescript/protocol';
import type * as GrpcJs from '@grpc/grpc-js';
import { benchmarkExecutionContext } from '../../../events/benchmarkExecutionContext.js';
import { benchmarkIdentifiers } from '../../../events/benchmarkIdentifiers.js';
import { grpc } from '../../../grpcJs.js';
import type { DeliveryListener, RunningConsumer } from '../../PeerSystem.js';
import { eventNumber } from '../eventNumbers.js';
import { dolittlePeerIdentifiers } from './streamIdentifiers.js';

type ClientMessage = dolittle.runtime.events.processing.EventHandlerClientToRuntimeMessage.$Properties;
type RuntimeMessage = dolittle.runtime.events.processing.EventHandlerRuntimeToClientMessage;

const registrationTimeout = 30_000;

/**
 * An unpartitioned event handler of the comparison's event type on the raw EventHandlers/Connect reverse call (grpc-js,
 * in this process): it answers every handle request at once and passes the event's number on. Resolves once the
 * Runtime accepted the registration.
 */
export function startLeanEventHandler(address: string, listener: DeliveryListener): Promise<RunningConsumer> {
    const Client = grpc.makeClientConstructor(eventHandlersService, serviceNameOf(eventHandlersService));
    const client = new Client(address, grpc.credentials.createInsecure());
    const connect = (client as unknown as Record<string, () => GrpcJs.ClientDuplexStream<ClientMessage, RuntimeMessage>>)['connect']!;
    const call = connect.call(client);
    let stopped = false;
    const stop = () => {
        stopped = true;
        call.cancel();
        client.close();
        return Promise.resolve();
    };
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            void stop();
            reject(new Error(`The Runtime did not answer the event handler's registration within ${registrationTimeout} ms`));
        }, registrationTimeout);
        call.on('data', (message: RuntimeMessage) => {
            const request = message.handleRequest;
            if (request !== null && request !== undefined) {
                call.write({ handleResult: { callContext: { callId: request.callContext?.callId ?? null } } });
                listener([eventNumber(request.event?.event?.content ?? '')]);
                return;
            }
            if (message.ping !== null && message.ping !== undefined) {
                call.write({ pong: {} });
                return;
            }
            const registration = message.registrationResponse;
            if (registration !== null && registration !== undefined) {
                clearTimeout(timer);
                const failure = registration.failure;
                if (failure === null || failure === undefined) {
                    resolve({ stop });
                } else {
                    void stop();
                    reject(new Error(`The Runtime refused the event handler: ${failure.reason ?? '(no reason)'}`));
                }
            }
        });
        call.on('error', (error: GrpcJs.ServiceError) => {
            if (!stopped) {
                clearTimeout(timer);
                reject(new Error(`The event handler's call ended: gRPC status ${error.code}: ${error.details}`));
            }
        });
        call.write({
            registrationRequest: {
                callContext: { executionContext: benchmarkExecutionContext, headId: guidToUuid(randomUUID()), pingInterval: millisecondsToDuration(1_000) },
                scopeId: guidToUuid(benchmarkIdentifiers.emptyGuid),
                eventHandlerId: guidToUuid(dolittlePeerIdentifiers.eventHandler),
                types: [{ id: guidToUuid(dolittlePeerIdentifiers.eventType), generation: 1 }],
                partitioned: false,
            },
        });
    });
}
