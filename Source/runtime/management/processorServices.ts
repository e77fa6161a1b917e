import {
    managementEventHandlersService,
    managementFailuresService,
    managementFiltersService,
    managementProjectionsService,
    type dolittle,
} from '@dolittle-typescript/protocol';
import type { Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import type { RegisteredProcessors, StateEdit } from '../streamProcessors/index.js';
import type { StreamProcessorState } from '../streams/index.js';
import type { Tenant, Tenants } from '../tenancy/index.js';
import { changeProcessor } from './changeProcessor.js';
import { managementFailures, ManagementRequestIsRefused } from './failures.js';
import { managementLogMessages as messages } from './logMessages.js';
import { findProcessors, type ManagedProcessor, type ProcessorKind } from './ManagedProcessor.js';
import { answerManagementCall, guidField, tenantOf, tenantsOf, type Caller, type ManagementService } from './managementCall.js';
import { processorStatus } from './processorStatus.js';
import { failureOf, replayedFrom, retriedNow, skipped } from './stateEdits.js';

type Management = typeof dolittle.runtime.management;
type ProcessorStatus = dolittle.runtime.management.ProcessorStatus.$Properties;
type TenantProcessorStatus = dolittle.runtime.management.TenantProcessorStatus.$Properties;
type GetProcessorsResponse = dolittle.runtime.management.GetProcessorsResponse.$Properties;
type GetProcessorResponse = dolittle.runtime.management.GetProcessorResponse.$Properties;
type ChangeResponse = dolittle.runtime.management.ChangeResponse.$Properties;

/** What the management services of processors use: the tenants, the registered processors, a logger and a clock. */
export type ProcessorManagementContext = {
    readonly tenants: Tenants;
    readonly registered: RegisteredProcessors;
    readonly logger: Logger;
    readonly clock?: () => number;
};

const allKinds: ReadonlyArray<ProcessorKind> = ['event handler', 'filter', 'projection'];

/**
 * The management services of processors: event handlers (list, get, replay all, replay from a position), filters
 * (list), projections (list, get, replay) and failures (list, retry now, skip). Every change is applied by the
 * running processor itself or, when none runs, while its id is held (see changeProcessor), and logged with the peer.
 */
export function processorServicesFor(context: ProcessorManagementContext): ReadonlyArray<ManagementService> {
    const { tenants, registered, logger } = context;
    const now = context.clock ?? Date.now;

    const statusesOf = async (kinds: ReadonlyArray<ProcessorKind>, inTenants: ReadonlyArray<Tenant>, only?: { readonly scope: Guid; readonly processorId: Guid }) => {
        const found = new Map<string, { readonly processor: ManagedProcessor; readonly tenants: TenantProcessorStatus[] }>();
        for (const tenant of inTenants) {
            for (const kind of kinds) {
                for (const processor of await findProcessors(tenant, kind)) {
                    if (only !== undefined && (processor.scope !== only.scope || processor.processorId !== only.processorId)) {
                        continue;
                    }
                    const id = `${kind}/${processor.scope}/${processor.processorId}`;
                    const entry = found.get(id) ?? { processor, tenants: [] };
                    entry.tenants.push(await processorStatus(tenant, processor, now(), registered.editable.currentState(tenant.id, processor.key)));
                    found.set(id, entry);
                }
            }
        }
        return [...found.values()].map(({ processor, tenants: statuses }): ProcessorStatus => {
            const holder = registered.holderOf(processor.scope, processor.processorId);
            return {
                kind: processor.kind,
                processorId: processor.processorId,
                scopeId: processor.scope,
                partitioned: processor.partitioned,
                eventTypes: [...processor.eventTypes],
                connected: holder !== undefined && holder !== 'management request',
                tenants: statuses,
            };
        });
    };

    const processorIn = async (tenant: Tenant, kinds: ReadonlyArray<ProcessorKind>, scope: Guid, processorId: Guid): Promise<ManagedProcessor | undefined> => {
        for (const kind of kinds) {
            const found = (await findProcessors(tenant, kind)).find((processor) => processor.scope === scope && processor.processorId === processorId);
            if (found !== undefined) {
                return found;
            }
        }
        return undefined;
    };

    const idsOf = (request: { processorId?: string | null; scopeId?: string | null }, kind: string) => {
        const processorId = guidField(request.processorId, 'processorId');
        const scope = guidField(request.scopeId, 'scopeId');
        if (request.processorId === null || request.processorId === undefined || request.processorId === '') {
            throw new ManagementRequestIsRefused(managementFailures.processorIsNotFound(kind, processorId, scope));
        }
        return { processorId, scope };
    };

    const getAll = (kinds: ReadonlyArray<ProcessorKind>) => async (request: InstanceType<Management['GetProcessorsRequest']>): Promise<GetProcessorsResponse> => ({
        processors: await statusesOf(kinds, tenantsOf(tenants, request.tenantId)),
    });

    const getOne = (kind: ProcessorKind) => async (request: InstanceType<Management['GetProcessorRequest']>): Promise<GetProcessorResponse> => {
        const { processorId, scope } = idsOf(request, kind);
        const [processor] = await statusesOf([kind], tenantsOf(tenants, request.tenantId), { scope, processorId });
        if (processor === undefined) {
            throw new ManagementRequestIsRefused(managementFailures.processorIsNotFound(kind, processorId, scope));
        }
        return { processor };
    };

    // Finds the processor in each tenant first, so that a request naming an unknown one changes nothing anywhere.
    const change = async (
        kinds: ReadonlyArray<ProcessorKind>,
        request: { processorId?: string | null; scopeId?: string | null },
        inTenants: ReadonlyArray<Tenant>,
        caller: Caller,
        description: Readonly<Record<string, unknown>>,
        editFor: (tenant: Tenant, processor: ManagedProcessor) => Promise<StateEdit<StreamProcessorState>>,
    ): Promise<ChangeResponse> => {
        const kind = kinds[0] ?? 'processor';
        const { processorId, scope } = idsOf(request, kind);
        const targets = await Promise.all(inTenants.map(async (tenant) => ({ tenant, processor: await processorIn(tenant, kinds, scope, processorId) })));
        const found = targets.flatMap(({ tenant, processor }) => (processor === undefined ? [] : [{ tenant, processor }]));
        if (found.length === 0) {
            throw new ManagementRequestIsRefused(managementFailures.processorIsNotFound(kind, processorId, scope));
        }
        const edits = await Promise.all(found.map(async ({ tenant, processor }) => ({ tenant, processor, edit: await editFor(tenant, processor) })));
        for (const { tenant, processor, edit } of edits) {
            const state = await changeProcessor(tenant, processor, registered, edit);
            logger.log(messages.changed, { ...description, kind: processor.kind, processor: processorId, scope, tenant: tenant.id, position: state.position, peer: caller.peer });
        }
        const [status] = await statusesOf([found[0]?.processor.kind ?? 'event handler'], found.map(({ tenant }) => tenant), { scope, processorId });
        return status === undefined ? {} : { processor: status };
    };

    const saving = (tenant: Tenant, processor: ManagedProcessor, next: (state: StreamProcessorState) => StreamProcessorState): StateEdit<StreamProcessorState> => async (state) => {
        const changed = next(state);
        await tenant.storage.streams.saveState(processor.key, changed);
        return changed;
    };

    const replayFrom = (request: InstanceType<Management['ReplayRequest']>, caller: Caller, inTenants: ReadonlyArray<Tenant>, position: number) =>
        change(['event handler'], request, inTenants, caller, { change: 'replay', from: position }, async (tenant, processor) => {
            const head = await processor.head();
            if (position > head) {
                throw new ManagementRequestIsRefused(managementFailures.positionIsPastTheEnd(position, head, tenant.id));
            }
            return saving(tenant, processor, (state) => replayedFrom(state, position));
        });

    const replayProjection = (request: InstanceType<Management['ReplayRequest']>, caller: Caller) =>
        change(['projection'], request, tenantsOf(tenants, request.tenantId), caller, { change: 'replay', from: 0 }, async (tenant, processor) => async () => {
            const initial = { partitioned: false, position: 0, lastSuccessfullyProcessed: 0, failure: undefined } as const;
            const definition = processor.projection;
            if (definition === undefined) {
                throw new ManagementRequestIsRefused(managementFailures.processorIsNotFound('projection', processor.processorId, processor.scope));
            }
            // Deletes the read models and moves the position back in one transaction, as a changed definition does.
            await tenant.storage.projections.saveDefinition(definition, { processor: processor.key });
            return initial;
        });

    const failing = (request: InstanceType<Management['FailureRequest']>, tenant: Tenant, processor: ManagedProcessor, state: StreamProcessorState) => {
        const partition = guidField(request.partition, 'partition', '' as Guid);
        const failure = failureOf(state, partition);
        if (failure === undefined) {
            throw new ManagementRequestIsRefused(managementFailures.partitionIsNotFailing(processor.processorId, partition, tenant.id));
        }
        return failure;
    };

    const retry = async (request: InstanceType<Management['FailureRequest']>, caller: Caller) => {
        const tenant = tenantOf(tenants, request.tenantId);
        return change(allKinds, request, [tenant], caller, { change: 'retry', partition: request.partition }, async (_, processor) =>
            saving(tenant, processor, (state) => retriedNow(state, failing(request, tenant, processor, state).partition, now())),
        );
    };

    const skip = async (request: InstanceType<Management['FailureRequest']>, caller: Caller) => {
        const tenant = tenantOf(tenants, request.tenantId);
        return change(allKinds, request, [tenant], caller, { change: 'skip', partition: request.partition }, async (_, processor) => async (state) => {
            const failure = failing(request, tenant, processor, state);
            const event = await processor.eventAt(failure.position);
            const skippedAt = now();
            await tenant.storage.skippedEvents.record({
                processor: processor.key,
                partition: failure.partition,
                position: failure.position,
                eventLogSequenceNumber: event?.sequenceNumber ?? -1,
                reason: failure.reason,
                attempts: failure.attempts,
                skipped: skippedAt,
                skippedBy: caller.peer,
            });
            const changed = skipped(state, failure.partition, skippedAt);
            await tenant.storage.streams.saveState(processor.key, changed);
            return changed;
        });
    };

    const failures = async (request: InstanceType<Management['GetProcessorsRequest']>): Promise<GetProcessorsResponse> => {
        const all = await statusesOf(allKinds, tenantsOf(tenants, request.tenantId));
        const withFailures = all.flatMap((processor) => {
            const affected = (processor.tenants ?? []).filter((tenant) => tenant.failing === true || (tenant.skippedEvents ?? []).length > 0);
            return affected.length === 0 ? [] : [{ ...processor, tenants: affected }];
        });
        return { processors: withFailures };
    };

    const answer = <Request, Response extends { failure?: dolittle.protobuf.Failure.$Properties | null }>(name: string, method: (request: Request, caller: Caller) => Promise<Response>) =>
        answerManagementCall(name, method, logger);

    return [
        {
            definition: managementEventHandlersService,
            implementation: {
                getAll: answer('EventHandlers.GetAll', getAll(['event handler'])),
                getOne: answer('EventHandlers.GetOne', getOne('event handler')),
                reprocessAllEvents: answer('EventHandlers.ReprocessAllEvents', (request: InstanceType<Management['ReplayRequest']>, caller) =>
                    replayFrom(request, caller, tenantsOf(tenants, request.tenantId), 0),
                ),
                reprocessEventsFrom: answer('EventHandlers.ReprocessEventsFrom', (request: InstanceType<Management['ReplayRequest']>, caller) =>
                    replayFrom(request, caller, [tenantOf(tenants, request.tenantId)], Number(request.position)),
                ),
            },
        },
        { definition: managementFiltersService, implementation: { getAll: answer('Filters.GetAll', getAll(['filter'])) } },
        {
            definition: managementProjectionsService,
            implementation: {
                getAll: answer('Projections.GetAll', getAll(['projection'])),
                getOne: answer('Projections.GetOne', getOne('projection')),
                replay: answer('Projections.Replay', replayProjection),
            },
        },
        {
            definition: managementFailuresService,
            implementation: {
                getAll: answer('Failures.GetAll', failures),
                retry: answer('Failures.Retry', retry),
                skip: answer('Failures.Skip', skip),
            },
        },
    ];
}
