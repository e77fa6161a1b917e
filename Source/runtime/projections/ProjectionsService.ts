import { projectionsService } from '@dolittle-typescript/protocol';
import { processingExecutionContext } from '../execution/index.js';
import { serveProcessorRegistration, type RegistrationContext } from '../registrations/index.js';
import { eventLogSourceFor } from '../streamProcessors/index.js';
import { checkProjectionRegistration } from './checkProjectionRegistration.js';
import { projectionFailures } from './failures.js';
import { projectionLogMessages as messages } from './logMessages.js';
import { keySelectorText } from './ProjectionDefinition.js';
import { ProjectionProcessor } from './ProjectionProcessor.js';
import { projectionsProtocol } from './projectionsProtocol.js';
import { registrationFromWire } from './registrationFromWire.js';
import { validateRegistration } from './validateRegistration.js';

/**
 * The `dolittle.runtime.events.processing.Projections` service: a head registers a projection over a reverse call;
 * the Runtime checks and stores its definition for every tenant (replaying a tenant's read models when the definition
 * changed), then runs one projection processor per tenant over the scope's event log until the head disconnects.
 */
export function projectionsServiceFor(context: RegistrationContext) {
    const connect = serveProcessorRegistration(projectionsProtocol, {
        kind: 'projection',
        messages,
        fromWire: registrationFromWire,
        idOf: (definition) => ({ scope: definition.scope, processorId: definition.projectionId }),
        bindingsOf: (definition) => ({ projection: definition.projectionId, scope: definition.scope }),
        validate: (definition) => {
            const invalid = validateRegistration(definition);
            return invalid === undefined ? undefined : projectionFailures.failedToRegister(definition.projectionId, invalid);
        },
        failedToRegister: projectionFailures.failedToRegister,
        checkTenant: (definition, tenant) => checkProjectionRegistration(definition, tenant, context.logger.withBindings({ projection: definition.projectionId, scope: definition.scope })),
        registeredData: (definition) => ({ selectors: definition.selectors.slice(0, 10).map((selector) => `${selector.eventType} by ${keySelectorText(selector.keySelector)}`), selectorCount: definition.selectors.length }),
        start: (definition, connection, tenants) => {
            const microserviceId = connection.executionContext.microserviceId;
            const logger = context.logger.withBindings({ projection: definition.projectionId, scope: definition.scope }).forCategory('processing');
            const processors = tenants.map((tenant) => {
                const processor = new ProjectionProcessor({
                    definition,
                    source: eventLogSourceFor(tenant.storage.eventLog, definition.scope),
                    projections: tenant.storage.projections,
                    streams: tenant.storage.streams,
                    changes: tenant.changes,
                    askHead: (request, signal) => connection.call(request, processingExecutionContext(microserviceId, tenant.id), signal),
                    logger: logger.withBindings({ tenant: tenant.id }),
                    stopWhen: connection.signal,
                    metrics: context.metrics.processors({ kind: 'projection', processor: definition.projectionId, scope: definition.scope, tenant: tenant.id }),
                    editable: { tenant: tenant.id, processors: context.registered.editable },
                });
                processor.start();
                return processor;
            });
            return {
                stop: async () => {
                    await Promise.all(processors.map((processor) => processor.stop()));
                },
            };
        },
    }, context);
    return { definition: projectionsService, implementation: { connect } };
}
