import { InvalidArgumentError, type Command } from 'commander';
import {
    managementEventHandlersService,
    managementFailuresService,
    managementFiltersService,
    managementProjectionsService,
    type dolittle,
} from '@dolittle-typescript/protocol';
import { exitCodes } from './exitCodes.js';
import type { ManagementClient } from './ManagementClient.js';
import { secondsText, show, timeText, type CommonOptions } from './output.js';
import { followReplay } from './replayProgress.js';

type ProcessorStatus = dolittle.runtime.management.IProcessorStatus;

/** Runs a command's work with a client for the options' Runtime; returns the exit code. */
export type WithClient = (command: Command, work: (client: ManagementClient, options: CommonOptions) => Promise<number | void>) => Promise<void>;

const scopeOption = ['--scope <id>', 'the scope (default: the default scope)', ''] as const;

/** Adds `eventhandlers`, `filters`, `projections` and `failures` to the `runtime` command. */
export function addProcessorCommands(runtime: Command, withClient: WithClient): void {
    const eventHandlers = runtime.command('eventhandlers').description('the event handlers, per tenant: position, lag, failures; replay');
    eventHandlers
        .command('list')
        .description('list the event handlers with their state for the tenant')
        .action((_, command: Command) =>
            withClient(command, async (client, options) => {
                const response = await client.call(managementEventHandlersService.getAll, { tenantId: options.tenant });
                showProcessors(options, response.processors ?? [], 'No event handlers.');
            }),
        );
    eventHandlers
        .command('get')
        .description('show one event handler with its state and failing partitions for the tenant')
        .argument('<eventHandlerId>', 'the event handler id')
        .option(...scopeOption)
        .action((processorId: string, local: { scope: string }, command: Command) =>
            withClient(command, async (client, options) => {
                const response = await client.call(managementEventHandlersService.getOne, { processorId, scopeId: local.scope, tenantId: options.tenant });
                showProcessorDetails(options, response.processor ?? {});
            }),
        );
    const replay = eventHandlers.command('replay').description('process events again');
    replay
        .command('all')
        .description('replay every event to the event handler for the tenant, following the progress')
        .argument('<eventHandlerId>', 'the event handler id')
        .option(...scopeOption)
        .option('--no-wait', 'return at once instead of following the replay')
        .action((processorId: string, local: { scope: string; wait: boolean }, command: Command) =>
            withClient(command, async (client, options) => {
                await client.call(managementEventHandlersService.reprocessAllEvents, { processorId, scopeId: local.scope, tenantId: options.tenant });
                return finishReplay(client, options, processorId, local);
            }),
        );
    replay
        .command('from')
        .description('replay the event handler from a position of its stream for the tenant, following the progress')
        .argument('<eventHandlerId>', 'the event handler id')
        .argument('<position>', 'the stream position to replay from (0 is the first event)', positionArgument)
        .option(...scopeOption)
        .option('--no-wait', 'return at once instead of following the replay')
        .action((processorId: string, position: number, local: { scope: string; wait: boolean }, command: Command) =>
            withClient(command, async (client, options) => {
                await client.call(managementEventHandlersService.reprocessEventsFrom, { processorId, scopeId: local.scope, tenantId: options.tenant, position });
                return finishReplay(client, options, processorId, local);
            }),
        );

    runtime
        .command('filters')
        .description('the filters heads registered')
        .command('list')
        .description('list the filters with their state for the tenant')
        .action((_, command: Command) =>
            withClient(command, async (client, options) => {
                const response = await client.call(managementFiltersService.getAll, { tenantId: options.tenant });
                showProcessors(options, response.processors ?? [], 'No filters.');
            }),
        );

    const projections = runtime.command('projections').description('the projections, per tenant; replay');
    projections
        .command('list')
        .description('list the projections with their state for the tenant')
        .action((_, command: Command) =>
            withClient(command, async (client, options) => {
                const response = await client.call(managementProjectionsService.getAll, { tenantId: options.tenant });
                showProcessors(options, response.processors ?? [], 'No projections.');
            }),
        );
    projections
        .command('get')
        .description('show one projection with its state for the tenant')
        .argument('<projectionId>', 'the projection id')
        .option(...scopeOption)
        .action((processorId: string, local: { scope: string }, command: Command) =>
            withClient(command, async (client, options) => {
                const response = await client.call(managementProjectionsService.getOne, { processorId, scopeId: local.scope, tenantId: options.tenant });
                showProcessorDetails(options, response.processor ?? {});
            }),
        );
    projections
        .command('replay')
        .description('delete the read models of the projection for the tenant and project every event again')
        .argument('<projectionId>', 'the projection id')
        .option(...scopeOption)
        .action((processorId: string, local: { scope: string }, command: Command) =>
            withClient(command, async (client, options) => {
                const response = await client.call(managementProjectionsService.replay, { processorId, scopeId: local.scope, tenantId: options.tenant });
                showProcessorDetails(options, response.processor ?? {});
            }),
        );

    const failures = runtime.command('failures').description('failing event handlers, filters and projections; retry now or skip');
    failures
        .command('list')
        .description('list the failing partitions and the skipped events of every processor for the tenant')
        .action((_, command: Command) =>
            withClient(command, async (client, options) => {
                const response = await client.call(managementFailuresService.getAll, { tenantId: options.tenant });
                showFailures(options, response.processors ?? []);
            }),
        );
    for (const [name, description, method] of [
        ['retry', 'retry the failing event of a partition now, instead of at its retry time', managementFailuresService.retry],
        ['skip', 'skip the failing event of a partition (recorded, and shown by `failures list`) and go on with the next', managementFailuresService.skip],
    ] as const) {
        failures
            .command(name)
            .description(description)
            .argument('<processorId>', 'the event handler, filter or projection id')
            .option('--partition <id>', 'the failing partition (leave out for an unpartitioned processor)', '')
            .option(...scopeOption)
            .action((processorId: string, local: { scope: string; partition: string }, command: Command) =>
                withClient(command, async (client, options) => {
                    const response = await client.call(method, { processorId, scopeId: local.scope, tenantId: options.tenant, partition: local.partition });
                    showProcessorDetails(options, response.processor ?? {});
                }),
            );
    }
}

async function finishReplay(client: ManagementClient, options: CommonOptions, processorId: string, local: { scope: string; wait: boolean }): Promise<number> {
    if (!local.wait) {
        process.stdout.write(options.output === 'json' ? `${JSON.stringify({ replaying: processorId })}\n` : `Replaying event handler ${processorId}.\n`);
        return exitCodes.succeeded;
    }
    const outcome = await followReplay(client, processorId, local.scope, options.tenant);
    const position = Number(outcome.status.position ?? 0);
    const head = Number(outcome.status.streamHead ?? 0);
    if (options.output === 'json') {
        process.stdout.write(`${JSON.stringify({ caughtUp: outcome.caughtUp, position, streamHead: head, ...(outcome.caughtUp ? {} : { reason: outcome.reason }) }, undefined, 2)}\n`);
    } else {
        process.stdout.write(outcome.caughtUp ? `Replayed: position ${position} of ${head}.\n` : `The replay did not catch up: ${outcome.reason}\n`);
    }
    return outcome.caughtUp ? exitCodes.succeeded : exitCodes.refused;
}

function positionArgument(value: string): number {
    const position = Number(value);
    if (!Number.isSafeInteger(position) || position < 0) {
        throw new InvalidArgumentError(`'${value}' is not a stream position (a whole number from 0)`);
    }
    return position;
}

function showProcessors(options: CommonOptions, processors: ReadonlyArray<ProcessorStatus>, empty: string): void {
    const rows = processors.flatMap((processor) =>
        (processor.tenants ?? []).map((tenant) => [
            processor.processorId ?? '',
            processor.scopeId ?? '',
            processor.partitioned === true ? 'yes' : 'no',
            processor.connected === true ? 'yes' : 'no',
            `${Number(tenant.position ?? 0)}/${Number(tenant.streamHead ?? 0)}`,
            `${Number(tenant.lagEvents ?? 0)} (${secondsText(tenant.lagSeconds)})`,
            timeText(tenant.lastSuccessfullyProcessed),
            tenant.failing === true ? `yes (${(tenant.failingPartitions ?? []).length})` : 'no',
        ]),
    );
    show(options, processors, { head: ['Id', 'Scope', 'Partitioned', 'Connected', 'Position/Head', 'Lag (events, time)', 'Last processed', 'Failing'], rows }, empty);
}

function showProcessorDetails(options: CommonOptions, processor: ProcessorStatus): void {
    if (options.output === 'json') {
        show(options, processor, { head: [], rows: [] }, '');
        return;
    }
    showProcessors(options, [processor], 'No state.');
    showFailures(options, [processor]);
}

function showFailures(options: CommonOptions, processors: ReadonlyArray<ProcessorStatus>): void {
    if (options.output === 'json') {
        show(options, processors, { head: [], rows: [] }, '');
        return;
    }
    const failing = processors.flatMap((processor) =>
        (processor.tenants ?? []).flatMap((tenant) =>
            (tenant.failingPartitions ?? []).map((partition) => [
                processor.processorId ?? '',
                partition.partition === '' ? '(unpartitioned)' : partition.partition ?? '',
                String(Number(partition.position ?? 0)),
                String(partition.attempts ?? 0),
                Number(partition.nextRetry ?? 0) === 0 ? 'when the head registers again' : timeText(partition.nextRetry),
                partition.reason ?? '',
            ]),
        ),
    );
    show(options, failing, { head: ['Processor', 'Partition', 'Position', 'Attempts', 'Next retry', 'Reason'], rows: failing }, 'No failing partitions.');
    const skipped = processors.flatMap((processor) =>
        (processor.tenants ?? []).flatMap((tenant) =>
            (tenant.skippedEvents ?? []).map((skip) => [
                processor.processorId ?? '',
                skip.partition === '' ? '(unpartitioned)' : skip.partition ?? '',
                String(Number(skip.position ?? 0)),
                String(Number(skip.eventLogSequenceNumber ?? 0)),
                timeText(skip.skipped),
                skip.skippedBy ?? '',
                skip.reason ?? '',
            ]),
        ),
    );
    if (skipped.length > 0) {
        show(options, skipped, { head: ['Processor', 'Partition', 'Position', 'Event log #', 'Skipped', 'Skipped by', 'Reason'], rows: skipped }, '');
    }
}
