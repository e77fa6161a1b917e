import { eventHorizonSubscriptionsService, guidToUuid, uuidToGuid } from '@dolittle-typescript/protocol';
import { consentOf, executionContextFor, tortureIdentifiers } from '../identifiers.js';
import { UnaryConnection } from '../runtime/UnaryConnection.js';

const attemptsDeadline = 120_000;

/**
 * Asks the consumer Runtime, as its head does, to subscribe each tenant to the same tenant's public partition at the
 * producer, into the consumer scope; tries again until every tenant's subscription answers with its consent (the
 * producer may be restarting). A subscription made once lasts while the consumer Runtime runs.
 */
export async function subscribeConsumer(address: string, log: (line: string) => void): Promise<void> {
    const connection = new UnaryConnection(() => address);
    const deadline = Date.now() + attemptsDeadline;
    try {
        for (const [index, tenant] of tortureIdentifiers.tenants.entries()) {
            for (;;) {
                const answer = await subscribeOnce(connection, tenant).catch((error: unknown) => `the call broke: ${String(error)}`);
                if (answer === consentOf(index)) {
                    break;
                }
                if (Date.now() > deadline) {
                    throw new Error(`The Event Horizon subscription of tenant ${tenant} did not succeed within ${attemptsDeadline} ms: ${answer}`);
                }
                log(`  the Event Horizon subscription of tenant ${index} did not succeed yet (${answer}); trying again`);
                await new Promise((resolve) => setTimeout(resolve, 1_000));
            }
        }
    } finally {
        connection.close();
    }
}

/** One Subscribe call: the consent id it answers with, or why it failed. */
async function subscribeOnce(connection: UnaryConnection, tenant: string): Promise<string> {
    const method = eventHorizonSubscriptionsService.subscribe;
    const request = method.requestSerialize({
        callContext: {
            executionContext: { ...executionContextFor(tenant), microserviceId: guidToUuid(tortureIdentifiers.consumerMicroservice) },
            headId: guidToUuid(tortureIdentifiers.correlation),
        },
        microserviceId: guidToUuid(tortureIdentifiers.microservice),
        tenantId: guidToUuid(tenant),
        streamId: guidToUuid(tortureIdentifiers.publicFilter),
        partitionId: guidToUuid(tortureIdentifiers.publicPartition),
        scopeId: guidToUuid(tortureIdentifiers.consumerScope),
    });
    const response = method.responseDeserialize(await connection.call(method.path, request, 60_000));
    return response.failure ? `failure ${uuidToGuid(response.failure.id)}: ${response.failure.reason ?? ''}` : uuidToGuid(response.consentId);
}
