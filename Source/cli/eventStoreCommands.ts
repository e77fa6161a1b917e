import { InvalidArgumentError, type Command } from 'commander';
import {
    managementAggregatesService,
    managementEventLogService,
    managementEventTypesService,
    managementSubscriptionsService,
    managementTenantsService,
    type dolittle,
} from '@dolittle-typescript/protocol';
import { show, timeText, type CommonOptions } from './output.js';
import type { WithClient } from './processorCommands.js';

type ManagedEvent = dolittle.runtime.management.IManagedEvent;

/** Adds `aggregates`, `eventtypes`, `tenants`, `subscriptions` and `events` to the `runtime` command. */
export function addEventStoreCommands(runtime: Command, withClient: WithClient): void {
    const aggregates = runtime.command('aggregates').description('the aggregate roots of the tenant, their instances and events');
    aggregates
        .command('list')
        .description('list the aggregate root types with how many instances each has')
        .action((_, command: Command) =>
            withClient(command, async (client, options) => {
                const response = await client.call(managementAggregatesService.getAll, { tenantId: options.tenant });
                const roots = response.aggregateRoots ?? [];
                const rows = roots.map((root) => [root.aggregateRootId ?? '', String((root.instances ?? []).length)]);
                show(options, roots, { head: ['Aggregate root', 'Instances'], rows }, 'No aggregate roots.');
            }),
        );
    aggregates
        .command('get')
        .description('list the instances of an aggregate root with their versions')
        .argument('<aggregateRootId>', 'the aggregate root id')
        .action((aggregateRootId: string, _, command: Command) =>
            withClient(command, async (client, options) => {
                const response = await client.call(managementAggregatesService.getAll, { tenantId: options.tenant, aggregateRootId });
                const instances = (response.aggregateRoots ?? []).flatMap((root) => root.instances ?? []);
                const rows = instances.map((instance) => [instance.eventSourceId ?? '', String(Number(instance.version ?? 0))]);
                show(options, instances, { head: ['Event source', 'Version'], rows }, `No instances of aggregate root ${aggregateRootId}.`);
            }),
        );
    aggregates
        .command('events')
        .description('list the events of one aggregate root instance')
        .argument('<aggregateRootId>', 'the aggregate root id')
        .argument('<eventSourceId>', 'the event source id of the instance')
        .action((aggregateRootId: string, eventSourceId: string, _, command: Command) =>
            withClient(command, async (client, options) => {
                const response = await client.call(managementAggregatesService.getEvents, { tenantId: options.tenant, aggregateRootId, eventSourceId });
                showEvents(options, response.events ?? [], `No events for ${eventSourceId} of aggregate root ${aggregateRootId}.`);
            }),
        );

    runtime
        .command('eventtypes')
        .description('the event types in the tenant\'s event log')
        .command('list')
        .description('list the event types committed, with how many events each has')
        .action((_, command: Command) =>
            withClient(command, async (client, options) => {
                const response = await client.call(managementEventTypesService.getAll, { tenantId: options.tenant });
                const types = response.eventTypes ?? [];
                const rows = types.map((type) => [type.eventTypeId ?? '', String(type.generation ?? 0), String(Number(type.events ?? 0)), timeText(type.lastOccurred)]);
                show(options, types, { head: ['Event type', 'Generation', 'Events', 'Last occurred'], rows }, 'No events committed yet.');
            }),
        );

    runtime
        .command('tenants')
        .description('the tenants this Runtime serves')
        .command('list')
        .description('list the tenants with their stores and event log heads')
        .action((_, command: Command) =>
            withClient(command, async (client, options) => {
                const response = await client.call(managementTenantsService.getAll, {});
                const tenants = response.tenants ?? [];
                const rows = tenants.map((tenant) => [tenant.tenantId ?? '', tenant.store ?? '', String(Number(tenant.eventLogHead ?? 0))]);
                show(options, tenants, { head: ['Tenant', 'Store', 'Events'], rows }, 'No tenants.');
            }),
        );

    runtime
        .command('subscriptions')
        .description('the Event Horizon subscriptions')
        .command('list')
        .description('list the Event Horizon subscriptions of the tenant with their state')
        .action((_, command: Command) =>
            withClient(command, async (client, options) => {
                const response = await client.call(managementSubscriptionsService.getAll, { tenantId: options.tenant });
                const subscriptions = response.subscriptions ?? [];
                const rows = subscriptions.map((subscription) => [
                    subscription.producerMicroserviceId ?? '',
                    subscription.producerTenantId ?? '',
                    subscription.publicStreamId ?? '',
                    subscription.partitionId ?? '',
                    subscription.scopeId ?? '',
                    subscriptionStateText(subscription),
                    String(Number(subscription.position ?? 0)),
                    timeText(subscription.lastReceived),
                    consentOrReasonText(subscription),
                ]);
                const head = ['Producer microservice', 'Producer tenant', 'Public stream', 'Partition', 'Scope', 'State', 'Position', 'Last received', 'Consent or reason'];
                show(options, subscriptions, { head, rows }, 'No Event Horizon subscriptions.');
            }),
        );

    runtime
        .command('events')
        .description('the tenant\'s event log')
        .command('tail')
        .description('print the last events of the event log, then every event committed, until interrupted (Ctrl+C)')
        .option('--scope <id>', 'the scope (default: the default scope)', '')
        .option('--last <count>', 'how many of the events already committed to print first', countArgument, 10)
        .option('--from <sequenceNumber>', 'print from this sequence number on instead of the last events', countArgument)
        .action((local: { scope: string; last: number; from?: number }, command: Command) =>
            withClient(command, async (client, options) => {
                const stop = new AbortController();
                const interrupt = (): void => stop.abort();
                process.once('SIGINT', interrupt);
                process.once('SIGTERM', interrupt);
                const request = local.from === undefined
                    ? { tenantId: options.tenant, scopeId: local.scope, fromEnd: true, last: local.last }
                    : { tenantId: options.tenant, scopeId: local.scope, fromEnd: false, fromSequenceNumber: local.from };
                await client.stream(managementEventLogService.tail, request, (response) => {
                    if (response.event !== null && response.event !== undefined) {
                        printEvent(options, response.event);
                    }
                }, stop.signal);
            }),
        );
}

function countArgument(value: string): number {
    const count = Number(value);
    if (!Number.isSafeInteger(count) || count < 0) {
        throw new InvalidArgumentError(`'${value}' is not a whole number from 0`);
    }
    return count;
}

function printEvent(options: CommonOptions, event: ManagedEvent): void {
    if (options.output === 'json') {
        process.stdout.write(`${JSON.stringify(eventJson(event))}\n`);
        return;
    }
    process.stdout.write(`#${Number(event.sequenceNumber ?? 0)} ${timeText(event.occurred)} type ${event.eventTypeId ?? ''} source ${event.eventSourceId ?? ''} ${event.content ?? ''}\n`);
}

function showEvents(options: CommonOptions, events: ReadonlyArray<ManagedEvent>, empty: string): void {
    const rows = events.map((event) => [String(Number(event.aggregateVersion ?? 0)), String(Number(event.sequenceNumber ?? 0)), timeText(event.occurred), event.eventTypeId ?? '', event.content ?? '']);
    show(options, events.map(eventJson), { head: ['Version', 'Event log #', 'Occurred', 'Event type', 'Content'], rows }, empty);
}

function eventJson(event: ManagedEvent): Record<string, unknown> {
    let content: unknown = event.content ?? '';
    try {
        content = JSON.parse(event.content ?? '');
    } catch {
        // Content that is not JSON is shown as the text it is.
    }
    return {
        sequenceNumber: Number(event.sequenceNumber ?? 0),
        eventSourceId: event.eventSourceId ?? '',
        eventTypeId: event.eventTypeId ?? '',
        generation: event.generation ?? 0,
        public: event.public === true,
        occurred: timeText(event.occurred),
        aggregateRootId: event.aggregateRootId ?? '',
        aggregateVersion: Number(event.aggregateVersion ?? 0),
        content,
    };
}

/** The state of a subscription, with when it tries again while it waits out its back-off. */
function subscriptionStateText(subscription: dolittle.runtime.management.ISubscriptionStatus): string {
    const state = subscription.state ?? '';
    return state === 'refused' || state === 'backingOff' ? `${state} until ${timeText(subscription.nextAttempt)}` : state;
}

/** The consent of a connected subscription, or why it is refused or backing off (with the failure id). */
function consentOrReasonText(subscription: dolittle.runtime.management.ISubscriptionStatus): string {
    if (subscription.consentId) {
        return subscription.consentId;
    }
    return subscription.failureId ? `${subscription.reason ?? ''} (${subscription.failureId})` : '';
}
