import type * as grpc from '@grpc/grpc-js';
import { eventHandlersService } from '@dolittle-typescript/protocol';
import { processingExecutionContext } from '../execution/index.js';
import { emptyGuid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import { connectReverseCall, type ReverseCallConnection, type ReverseCallLifetimes } from '../reverseCalls/index.js';
import { eventHandlersProtocol } from './eventHandlersProtocol.js';
import type { RegisteredProcessors } from '../streamProcessors/index.js';
import { registerForEveryTenant, type Tenants } from '../tenancy/index.js';
import { checkReregistration } from './checkReregistration.js';
import { tooManyEventTypes, type EventHandlerRegistration } from './EventHandlerRegistration.js';
import { eventHandlerFailures } from './failures.js';
import { HeadEventHandler } from './HeadEventHandler.js';
import { eventHandlerLogMessages as messages } from './logMessages.js';
import { registrationFromWire } from './registrationFromWire.js';
import { startEventHandler } from './startEventHandler.js';

/** How many of a handler's event types its registration log line names (typeCount says how many there are). */
const loggedEventTypes = 10;

type Connection = ReverseCallConnection<
    Parameters<typeof registrationFromWire>[0],
    Parameters<ConstructorParameters<typeof HeadEventHandler>[2]>[0],
    Awaited<ReturnType<ConstructorParameters<typeof HeadEventHandler>[2]>>
>;

/**
 * The `dolittle.runtime.events.processing.EventHandlers` service: a head registers an event handler over a reverse
 * call; the Runtime checks the registration for every tenant before accepting it, then runs the handler's type filter
 * and event processor per tenant until the head disconnects, when the handler id is released at once.
 */
export function eventHandlersServiceFor(
    tenants: Tenants,
    registered: RegisteredProcessors,
    lifetimes: ReverseCallLifetimes,
    logger: Logger,
): { definition: typeof eventHandlersService; implementation: grpc.UntypedServiceImplementation } {
    const serve = async (call: grpc.ServerDuplexStream<unknown, unknown>): Promise<void> => {
        const connection = (await connectReverseCall(call as never, eventHandlersProtocol, lifetimes.signal, logger.forCategory('reverseCalls'))) as Connection | undefined;
        if (connection === undefined) {
            return;
        }
        let registration: EventHandlerRegistration;
        try {
            registration = registrationFromWire(connection.connectArguments);
        } catch (error) {
            reject(connection, eventHandlerFailures.failedToRegister(emptyGuid, error instanceof Error ? error.message : String(error)));
            return;
        }
        const handlerLogger = logger.withBindings({ eventHandler: registration.eventHandlerId, scope: registration.scope });
        if (registration.eventHandlerId === emptyGuid) {
            reject(connection, eventHandlerFailures.nonWriteableStream(), handlerLogger);
            return;
        }
        const tooMany = tooManyEventTypes(registration);
        if (tooMany !== undefined) {
            reject(connection, eventHandlerFailures.failedToRegister(registration.eventHandlerId, tooMany), handlerLogger);
            return;
        }
        const holder = registered.register(registration.scope, registration.eventHandlerId, 'event handler');
        if (holder !== undefined) {
            reject(connection, eventHandlerFailures.failedToRegister(registration.eventHandlerId, `it is already registered in this Runtime by a connected ${holder}`), handlerLogger);
            return;
        }
        try {
            const refusals = await registerForEveryTenant(tenants.all, (tenant) => checkReregistration(registration, tenant));
            if (refusals.length > 0) {
                reject(connection, eventHandlerFailures.failedToRegister(registration.eventHandlerId, refusals.join('; ')), handlerLogger);
                return;
            }
            connection.accept();
            handlerLogger.log(messages.registered, { types: registration.types.slice(0, loggedEventTypes), typeCount: registration.types.length, partitioned: registration.partitioned, tenants: tenants.all.length });
            const microserviceId = connection.executionContext.microserviceId;
            const running = startEventHandler(
                registration,
                tenants.all,
                (tenant) => new HeadEventHandler(registration, tenant.id, (request, tenantId, signal) => connection.call(request, processingExecutionContext(microserviceId, tenantId), signal)),
                handlerLogger.forCategory('processing'),
                connection.signal,
            );
            const end = await connection.ended;
            await running.stop();
            handlerLogger.log(messages.disconnected, { reason: end.reason, detail: end.detail });
        } catch (error) {
            handlerLogger.log(messages.failedUnexpectedly, { error: error instanceof Error ? error.stack ?? error.message : String(error) });
            connection.close();
        } finally {
            registered.release(registration.scope, registration.eventHandlerId);
        }
    };
    return {
        definition: eventHandlersService,
        implementation: {
            connect: (call: grpc.ServerDuplexStream<unknown, unknown>) => {
                lifetimes.track(serve(call));
            },
        },
    };
}

function reject(connection: Connection, failure: Parameters<Connection['reject']>[0], logger?: Logger): void {
    logger?.log(messages.registrationRefused, { failureId: failure.id, reason: failure.reason });
    connection.reject(failure);
}
