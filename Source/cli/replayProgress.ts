import { managementEventHandlersService, type dolittle } from '@dolittle-typescript/protocol';
import cliProgress from 'cli-progress';
import type { ManagementClient } from './ManagementClient.js';

type TenantProcessorStatus = dolittle.runtime.management.ITenantProcessorStatus;

/** How often the progress of a replay is asked for. */
const pollInterval = 250;

/** What a replay that was followed to its end found. */
export type ReplayOutcome =
    | { readonly caughtUp: true; readonly status: TenantProcessorStatus }
    | { readonly caughtUp: false; readonly status: TenantProcessorStatus; readonly reason: string };

/**
 * Follows an event handler's replay for one tenant with a live progress bar on standard error (position / stream
 * head, events per second, time left) until it has caught up with the stream head, or until it halts at a failing
 * event (unpartitioned handlers stop there) or its head is not connected.
 */
export async function followReplay(client: ManagementClient, processorId: string, scopeId: string, tenantId: string): Promise<ReplayOutcome> {
    const bar = new cliProgress.SingleBar(
        {
            format: 'Replaying {processor} |{bar}| {value}/{total} events | {rate} events/s | {eta_formatted} left',
            noTTYOutput: true,
            notTTYSchedule: pollInterval * 2,
            hideCursor: true,
            etaBuffer: 20,
        },
        cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    let first: number | undefined;
    let status = await statusOf(client, processorId, scopeId, tenantId);
    bar.start(Number(status.tenant.streamHead ?? 0), Number(status.tenant.position ?? 0), { processor: processorId, rate: '0' });
    try {
        for (;;) {
            const position = Number(status.tenant.position ?? 0);
            const head = Number(status.tenant.streamHead ?? 0);
            first ??= position;
            const seconds = Math.max(0.001, (Date.now() - started) / 1000);
            bar.setTotal(head);
            bar.update(position, { rate: Math.round((position - first) / seconds).toString() });
            if (position >= head) {
                return { caughtUp: true, status: status.tenant };
            }
            const halted = status.tenant.failingPartitions?.find((partition) => (partition.partition ?? '') === '');
            if (halted !== undefined && halted !== null) {
                return { caughtUp: false, status: status.tenant, reason: `it halted at position ${position}: ${halted.reason ?? ''}` };
            }
            if (!status.connected) {
                return { caughtUp: false, status: status.tenant, reason: 'no head has it registered now; it replays when its head registers again' };
            }
            await new Promise((resolve) => setTimeout(resolve, pollInterval));
            status = await statusOf(client, processorId, scopeId, tenantId);
        }
    } finally {
        bar.stop();
    }
}

async function statusOf(client: ManagementClient, processorId: string, scopeId: string, tenantId: string) {
    const response = await client.call(managementEventHandlersService.getOne, { processorId, scopeId, tenantId });
    const tenant = response.processor?.tenants?.find((candidate) => candidate.tenantId === tenantId);
    if (tenant === undefined) {
        throw new Error(`The Runtime answered no state of event handler ${processorId} for tenant ${tenantId}`);
    }
    return { tenant, connected: response.processor?.connected === true };
}
