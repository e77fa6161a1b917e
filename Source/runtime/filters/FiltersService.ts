import { filtersService } from '@dolittle-typescript/protocol';
import { processingExecutionContext } from '../execution/index.js';
import { emptyGuid } from '../guids/index.js';
import { serveProcessorRegistration, type ProcessorRegistration, type RegistrationContext } from '../registrations/index.js';
import { StreamProcessor, eventLogSourceFor } from '../streamProcessors/index.js';
import { guidFromWire } from '../wire/index.js';
import { checkFilterReregistration } from './checkFilterReregistration.js';
import { filterFailures } from './failures.js';
import { filtersProtocol, partitionedFiltersProtocol, publicFiltersProtocol, type FilterRequest, type FilterRegistrationArguments } from './filtersProtocols.js';
import type { FilterKind, FilterRegistration } from './FilterRegistration.js';
import { filterStreams } from './filterStreams.js';
import { HeadFilter, type FilterAnswer } from './HeadFilter.js';
import { filterLogMessages as messages } from './logMessages.js';

/**
 * The `dolittle.runtime.events.processing.Filters` service: private unpartitioned (Connect), private partitioned
 * (ConnectPartitioned) and public (ConnectPublic) filters. Each runs one stream processor per tenant over the scope's
 * event log, asking the head about each event and appending the chosen ones to the filter's stream.
 */
export function filtersServiceFor(context: RegistrationContext) {
    return {
        definition: filtersService,
        implementation: {
            connect: serveProcessorRegistration(filtersProtocol, filterRules('unpartitioned', context), context),
            connectPartitioned: serveProcessorRegistration(partitionedFiltersProtocol, filterRules('partitioned', context), context),
            connectPublic: serveProcessorRegistration(publicFiltersProtocol, filterRules('public', context), context),
        },
    };
}

// Generic over the three protocols' messages, so that each connect method is typed by its own protocol.
function filterRules<ConnectArguments extends FilterRegistrationArguments, Answer extends FilterAnswer>(
    kind: FilterKind,
    context: RegistrationContext,
): ProcessorRegistration<ConnectArguments, FilterRequest, Answer, FilterRegistration> {
    return {
        kind: `${kind} filter`,
        messages,
        fromWire: (request) => ({
            kind,
            scope: kind === 'public' ? emptyGuid : guidFromWire(request.scopeId, 'scopeId'),
            filterId: guidFromWire(request.filterId, 'filterId'),
        }),
        idOf: (registration) => ({ scope: registration.scope, processorId: registration.filterId }),
        bindingsOf: (registration) => ({ filter: registration.filterId, scope: registration.scope, kind }),
        validate: (registration) => (registration.filterId === emptyGuid ? filterFailures.nonWriteableStream() : undefined),
        failedToRegister: filterFailures.failedToRegister,
        checkTenant: checkFilterReregistration,
        start: (registration, connection, tenants) => {
            const keys = filterStreams(registration);
            const microserviceId = connection.executionContext.microserviceId;
            const filterLogger = context.logger.withBindings({ filter: registration.filterId, scope: registration.scope, kind });
            const processors = tenants.map((tenant) => {
                const processor = new StreamProcessor({
                    key: keys.processor,
                    partitioned: false,
                    source: eventLogSourceFor(tenant.storage.eventLog, registration.scope),
                    processor: new HeadFilter(registration, tenant.id, (request, tenantId, signal) =>
                        connection.call(request, processingExecutionContext(microserviceId, tenantId), signal),
                    ),
                    streams: tenant.storage.streams,
                    changes: tenant.changes,
                    output: keys.stream,
                    logger: filterLogger.withBindings({ tenant: tenant.id }).forCategory('processing'),
                    stopWhen: connection.signal,
                    metrics: context.metrics.processors({ kind: 'filter', processor: registration.filterId, scope: registration.scope, tenant: tenant.id }),
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
    };
}
