import { eventHandlersService } from '@dolittle-typescript/protocol';
import { processingExecutionContext } from '../execution/index.js';
import { emptyGuid } from '../guids/index.js';
import { serveProcessorRegistration, type RegistrationContext } from '../registrations/index.js';
import { checkReregistration } from './checkReregistration.js';
import { tooManyEventTypes } from './EventHandlerRegistration.js';
import { eventHandlersProtocol } from './eventHandlersProtocol.js';
import { eventHandlerFailures } from './failures.js';
import { HeadEventHandler } from './HeadEventHandler.js';
import { eventHandlerLogMessages as messages } from './logMessages.js';
import { registrationFromWire } from './registrationFromWire.js';
import { startEventHandler } from './startEventHandler.js';

/** How many of a handler's event types its registration log line names (typeCount says how many there are). */
const loggedEventTypes = 10;

/**
 * The `dolittle.runtime.events.processing.EventHandlers` service: a head registers an event handler over a reverse
 * call; the Runtime checks the registration for every tenant before accepting it, then runs the handler's type filter
 * and event processor per tenant until the head disconnects, when the handler id is released at once.
 */
export function eventHandlersServiceFor(context: RegistrationContext) {
    const connect = serveProcessorRegistration(eventHandlersProtocol, {
        kind: 'event handler',
        messages,
        fromWire: registrationFromWire,
        idOf: (registration) => ({ scope: registration.scope, processorId: registration.eventHandlerId }),
        bindingsOf: (registration) => ({ eventHandler: registration.eventHandlerId, scope: registration.scope }),
        validate: (registration) => {
            if (registration.eventHandlerId === emptyGuid) {
                return eventHandlerFailures.nonWriteableStream();
            }
            const tooMany = tooManyEventTypes(registration);
            return tooMany === undefined ? undefined : eventHandlerFailures.failedToRegister(registration.eventHandlerId, tooMany);
        },
        failedToRegister: eventHandlerFailures.failedToRegister,
        checkTenant: checkReregistration,
        registeredData: (registration) => ({ types: registration.types.slice(0, loggedEventTypes), typeCount: registration.types.length, partitioned: registration.partitioned }),
        start: (registration, connection, tenants) => {
            const microserviceId = connection.executionContext.microserviceId;
            return startEventHandler(
                registration,
                tenants,
                (tenant) => new HeadEventHandler(registration, tenant.id, (request, tenantId, signal) => connection.call(request, processingExecutionContext(microserviceId, tenantId), signal)),
                context.logger.withBindings({ eventHandler: registration.eventHandlerId, scope: registration.scope }).forCategory('processing'),
                connection.signal,
                context.metrics.processors,
                context.registered.editable,
            );
        },
    }, context);
    return { definition: eventHandlersService, implementation: { connect } };
}
