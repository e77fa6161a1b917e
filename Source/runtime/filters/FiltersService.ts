import type * as grpc from '@grpc/grpc-js';
import { filtersService, type dolittle } from '@dolittle-typescript/protocol';
import { processingExecutionContext } from '../execution/index.js';
import type { Failure } from '../failures/index.js';
import { emptyGuid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import { connectReverseCall, type ReverseCallConnection, type ReverseCallLifetimes } from '../reverseCalls/index.js';
import { StreamProcessor, eventLogSourceFor, type RegisteredProcessors } from '../streamProcessors/index.js';
import { registerForEveryTenant, type Tenants } from '../tenancy/index.js';
import { guidFromWire } from '../wire/index.js';
import { checkFilterReregistration } from './checkFilterReregistration.js';
import { filterFailures } from './failures.js';
import { filtersProtocol, partitionedFiltersProtocol, publicFiltersProtocol } from './filtersProtocols.js';
import type { FilterKind, FilterRegistration } from './FilterRegistration.js';
import { filterStreams } from './filterStreams.js';
import { HeadFilter, type FilterAnswer } from './HeadFilter.js';
import { filterLogMessages as messages } from './logMessages.js';

type FilterRequest = dolittle.runtime.events.processing.FilterEventRequest.$Properties;
type RegistrationArguments = { readonly scopeId?: dolittle.protobuf.Uuid.$Properties | null; readonly filterId?: dolittle.protobuf.Uuid.$Properties | null };
type Connection = ReverseCallConnection<RegistrationArguments, FilterRequest, FilterAnswer>;

/**
 * The `dolittle.runtime.events.processing.Filters` service: private unpartitioned (Connect), private partitioned
 * (ConnectPartitioned) and public (ConnectPublic) filters. Each runs one stream processor per tenant over the scope's
 * event log, asking the head about each event and appending the chosen ones to the filter's stream.
 */
export function filtersServiceFor(
    tenants: Tenants,
    registered: RegisteredProcessors,
    lifetimes: ReverseCallLifetimes,
    logger: Logger,
): { definition: typeof filtersService; implementation: grpc.UntypedServiceImplementation } {
    const serve = async (kind: FilterKind, call: grpc.ServerDuplexStream<unknown, unknown>): Promise<void> => {
        const protocol = kind === 'unpartitioned' ? filtersProtocol : kind === 'partitioned' ? partitionedFiltersProtocol : publicFiltersProtocol;
        const connection = (await connectReverseCall(call as never, protocol as never, lifetimes.signal, logger.forCategory('reverseCalls'))) as Connection | undefined;
        if (connection === undefined) {
            return;
        }
        let registration: FilterRegistration;
        try {
            const request = connection.connectArguments;
            registration = {
                kind,
                scope: kind === 'public' ? emptyGuid : guidFromWire(request.scopeId, 'scopeId'),
                filterId: guidFromWire(request.filterId, 'filterId'),
            };
        } catch (error) {
            reject(connection, filterFailures.failedToRegister(emptyGuid, error instanceof Error ? error.message : String(error)), logger);
            return;
        }
        const filterLogger = logger.withBindings({ filter: registration.filterId, scope: registration.scope, kind });
        if (registration.filterId === emptyGuid) {
            reject(connection, filterFailures.nonWriteableStream(), filterLogger);
            return;
        }
        const holder = registered.register(registration.scope, registration.filterId, `${kind} filter`);
        if (holder !== undefined) {
            reject(connection, filterFailures.failedToRegister(registration.filterId, `it is already registered in this Runtime by a connected ${holder}`), filterLogger);
            return;
        }
        try {
            const refusals = await registerForEveryTenant(tenants.all, (tenant) => checkFilterReregistration(registration, tenant));
            if (refusals.length > 0) {
                reject(connection, filterFailures.failedToRegister(registration.filterId, refusals.join('; ')), filterLogger);
                return;
            }
            connection.accept();
            filterLogger.log(messages.registered, { tenants: tenants.all.length });
            const keys = filterStreams(registration);
            const microserviceId = connection.executionContext.microserviceId;
            const processors = tenants.all.map((tenant) => {
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
                });
                processor.start();
                return processor;
            });
            const end = await connection.ended;
            await Promise.all(processors.map((processor) => processor.stop()));
            filterLogger.log(messages.disconnected, { reason: end.reason, detail: end.detail });
        } catch (error) {
            filterLogger.log(messages.failedUnexpectedly, { error: error instanceof Error ? error.stack ?? error.message : String(error) });
            connection.close();
        } finally {
            registered.release(registration.scope, registration.filterId);
        }
    };
    return {
        definition: filtersService,
        implementation: {
            connect: (call: grpc.ServerDuplexStream<unknown, unknown>) => lifetimes.track(serve('unpartitioned', call)),
            connectPartitioned: (call: grpc.ServerDuplexStream<unknown, unknown>) => lifetimes.track(serve('partitioned', call)),
            connectPublic: (call: grpc.ServerDuplexStream<unknown, unknown>) => lifetimes.track(serve('public', call)),
        },
    };
}

function reject(connection: Connection, failure: Failure, logger: Logger): void {
    logger.log(messages.registrationRefused, { failureId: failure.id, reason: failure.reason });
    connection.reject(failure);
}
