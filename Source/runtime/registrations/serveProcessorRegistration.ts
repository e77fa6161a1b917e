import type * as grpc from '@grpc/grpc-js';
import type { Failure } from '../failures/index.js';
import { emptyGuid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import type { MetricsRecorders } from '../metrics/index.js';
import { connectReverseCall, type ReverseCallConnection, type ReverseCallLifetimes, type ReverseCallProtocol } from '../reverseCalls/index.js';
import type { RegisteredProcessors } from '../streamProcessors/index.js';
import { registerForEveryTenant, type Tenants } from '../tenancy/index.js';
import type { ProcessorRegistration } from './ProcessorRegistration.js';

/** What every registration service shares in one Runtime: the tenants, the taken processor ids and the reverse calls. */
export type RegistrationContext = {
    readonly tenants: Tenants;
    readonly registered: RegisteredProcessors;
    readonly lifetimes: ReverseCallLifetimes;
    readonly logger: Logger;
    readonly metrics: MetricsRecorders;
};

/**
 * The gRPC handler of a processor's reverse call, in the lifecycle every kind of processor shares: connect, read and
 * validate the registration, take its processor id in this Runtime, check it for every tenant (storing it only when
 * none refuses), accept, run one processor per tenant until the head disconnects, then stop them and release the id.
 * A refusal answers the kind's documented failure; an unexpected error is logged once and ends the connection.
 */
export function serveProcessorRegistration<ClientMessage, RuntimeMessage, ConnectArguments, Request, Response, Registration>(
    protocol: ReverseCallProtocol<ClientMessage, RuntimeMessage, ConnectArguments, Request, Response>,
    rules: ProcessorRegistration<ConnectArguments, Request, Response, Registration>,
    context: RegistrationContext,
): (call: grpc.ServerDuplexStream<ClientMessage, RuntimeMessage>) => void {
    const { tenants, registered, lifetimes, logger, metrics } = context;
    const { messages } = rules;
    type Connection = ReverseCallConnection<ConnectArguments, Request, Response>;
    const reject = (connection: Connection, failure: Failure, rejectLogger: Logger): void => {
        rejectLogger.log(messages.registrationRefused, { failureId: failure.id, reason: failure.reason });
        connection.reject(failure);
    };

    const serve = async (call: grpc.ServerDuplexStream<ClientMessage, RuntimeMessage>): Promise<void> => {
        const connection = await connectReverseCall(call, protocol, lifetimes.signal, logger.forCategory('reverseCalls'), { metrics: metrics.reverseCalls });
        if (connection === undefined) {
            return;
        }
        let registration: Registration;
        try {
            registration = rules.fromWire(connection.connectArguments);
        } catch (error) {
            reject(connection, rules.failedToRegister(emptyGuid, error instanceof Error ? error.message : String(error)), logger);
            return;
        }
        const { scope, processorId } = rules.idOf(registration);
        const registrationLogger = logger.withBindings(rules.bindingsOf(registration));
        const invalid = rules.validate(registration);
        if (invalid !== undefined) {
            reject(connection, invalid, registrationLogger);
            return;
        }
        const holder = registered.register(scope, processorId, rules.kind);
        if (holder !== undefined) {
            reject(connection, rules.failedToRegister(processorId, `it is already registered in this Runtime by a connected ${holder}`), registrationLogger);
            return;
        }
        try {
            const refusals = await registerForEveryTenant(tenants.all, (tenant) => rules.checkTenant(registration, tenant));
            if (refusals.length > 0) {
                reject(connection, rules.failedToRegister(processorId, refusals.join('; ')), registrationLogger);
                return;
            }
            connection.accept();
            registrationLogger.log(messages.registered, { ...rules.registeredData?.(registration), tenants: tenants.all.length });
            const running = rules.start(registration, connection, tenants.all);
            const peer = call.getPeer();
            metrics.heads.connected(peer);
            const end = await connection.ended.finally(() => metrics.heads.disconnected(peer));
            await running.stop();
            registrationLogger.log(messages.disconnected, { reason: end.reason, detail: end.detail });
        } catch (error) {
            registrationLogger.log(messages.failedUnexpectedly, { error: error instanceof Error ? error.stack ?? error.message : String(error) });
            connection.close();
        } finally {
            registered.release(scope, processorId);
        }
    };
    return (call) => {
        lifetimes.track(serve(call));
    };
}
