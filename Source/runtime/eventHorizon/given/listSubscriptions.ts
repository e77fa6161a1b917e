import { runCli, type CliRun } from '../../../cli/given/runCli.js';
import type { RuntimeUnderTest } from '../../host/given/RuntimeUnderTest.js';

/** A subscription as `dolittle runtime subscriptions list --output json` prints it. */
export type SubscriptionJson = {
    readonly consumerTenantId: string;
    readonly producerMicroserviceId: string;
    readonly producerTenantId: string;
    readonly publicStreamId: string;
    readonly partitionId: string;
    readonly scopeId: string;
    readonly state: string;
    readonly position: number;
    readonly consentId: string;
    readonly failureId: string;
    readonly reason: string;
    readonly nextAttempt: number;
    readonly lastReceived: number;
    readonly connectedSince: number;
};

/** Runs `dolittle runtime subscriptions list` against a Runtime's management port, as its own process. */
export function subscriptionsTable(runtime: RuntimeUnderTest): Promise<CliRun> {
    return runCli(['--runtime', `${runtime.address}:${runtime.managementPort}`, 'runtime', 'subscriptions', 'list']);
}

/** The subscriptions `dolittle runtime subscriptions list --output json` prints; fails with what the CLI wrote when it fails. */
export async function listSubscriptions(runtime: RuntimeUnderTest): Promise<ReadonlyArray<SubscriptionJson>> {
    const run = await runCli(['--runtime', `${runtime.address}:${runtime.managementPort}`, '--output', 'json', 'runtime', 'subscriptions', 'list']);
    if (run.code !== 0 || run.stderr !== '') {
        throw new Error(`dolittle runtime subscriptions list exited with ${run.code}: ${run.stderr}`);
    }
    return JSON.parse(run.stdout) as SubscriptionJson[];
}
