import type { Client } from '@dolittle/sdk';
import { waitUntil } from '../../host/given/waitUntil.js';

/** Every read model of a projection for a tenant, read back through the SDK's projection store, by key. */
export async function readModels(client: Client, tenant: string, projectionId: string, scope?: string): Promise<Record<string, unknown>> {
    const store = client.projections.forTenant(tenant);
    const states = scope === undefined ? await store.getAll(projectionId) : await store.getAll(projectionId, scope);
    const result: Record<string, unknown> = {};
    for (const [key, current] of states) {
        result[key.value as string] = JSON.parse(JSON.stringify(current.state)) as unknown;
    }
    return result;
}

/** Waits until a projection's read models for a tenant equal the expected ones (a failed read counts as not yet); resolves with them. */
export async function waitForReadModels(
    client: Client,
    tenant: string,
    projectionId: string,
    expected: Record<string, unknown>,
    timeoutMilliseconds = 30_000,
    scope?: string,
): Promise<Record<string, unknown>> {
    let last: Record<string, unknown> = {};
    await waitUntil(
        async () => {
            try {
                last = await readModels(client, tenant, projectionId, scope);
            } catch {
                // The client's channel reconnects after a restart of the Runtime: read again shortly.
                return false;
            }
            return JSON.stringify(sorted(last)) === JSON.stringify(sorted(expected));
        },
        `the read models of projection ${projectionId} for tenant ${tenant} were ${JSON.stringify(expected).slice(0, 300)} (last read: ${JSON.stringify(last).slice(0, 300)})`,
        timeoutMilliseconds,
    ).catch((error: unknown) => {
        throw new Error(`${error instanceof Error ? error.message : String(error)}; last read ${JSON.stringify(last).slice(0, 500)}`);
    });
    return last;
}

function sorted(readModels: Record<string, unknown>): Array<[string, unknown]> {
    return Object.entries(readModels).sort(([left], [right]) => left.localeCompare(right));
}
