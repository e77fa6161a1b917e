import { randomUUID } from 'node:crypto';
import { guidToUuid } from '@dolittle-typescript/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { commitEvents } from '../host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { headExecutionContext, TestHead } from '../reverseCalls/given/TestHead.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { maximumEventTypesPerEventHandler } from './EventHandlerRegistration.js';
import { eventHandlerFailureIds } from './failures.js';

const backends = await backendsForTests(import.meta.url);

/** A head's registration of an event handler for the given number of fresh event types. */
function aRegistrationFor(eventHandlerId: string, types: ReadonlyArray<string>) {
    return {
        registrationRequest: {
            callContext: { executionContext: headExecutionContext, headId: guidToUuid(randomUUID()), pingInterval: { seconds: 1 } },
            eventHandlerId: guidToUuid(eventHandlerId),
            types: types.map((type) => ({ id: guidToUuid(type), generation: 1 })),
            partitioned: true,
        },
    };
}

describeForEachBackend(backends, 'when heads register event handlers for many event types on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let committer: ConnectedClient | undefined;
    const heads: TestHead[] = [];
    const atTheLimit = Array.from({ length: maximumEventTypesPerEventHandler }, () => randomUUID());
    const overTheLimit = Array.from({ length: 32_767 }, () => randomUUID());
    const overTheLimitHandler = randomUUID();
    printLogsOnFailure(() => runtime);

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        heads.push(new TestHead(`127.0.0.1:${runtime.privatePort}`).answerPings(), new TestHead(`127.0.0.1:${runtime.privatePort}`).answerPings());
        heads[0]!.write(aRegistrationFor(randomUUID(), atTheLimit));
        heads[1]!.write(aRegistrationFor(overTheLimitHandler, overTheLimit));
        await waitUntil(() => heads[0]!.connectResponses.length === 1, 'the handler at the limit was accepted', 30_000);
        committer = connectClient(runtime);
        await commitEvents(committer.client.eventStore.forTenant(developmentTenant), atTheLimit.at(-1)!, [{ content: { dish: 'Bean Blaster Taco' }, eventSourceId: randomUUID() }]);
        await waitUntil(() => heads[1]!.status !== undefined, 'the handler over the limit was refused', 30_000);
    });
    afterAll(async () => {
        heads.forEach((head) => head.close());
        committer?.disconnect();
        await runtime?.dispose();
    });

    it(`processes the events of a handler of ${maximumEventTypesPerEventHandler} event types`, async () => {
        await waitUntil(() => heads[0]!.requests.length >= 1, 'the handler at the limit was asked to handle the event', 30_000);
        expect(heads[0]!.requests[0]?.event?.event?.type?.id).toEqual(guidToUuid(atTheLimit.at(-1)!));
    });

    it('refuses a handler of more event types with FailedToRegisterEventHandler naming the count and the limit', () => {
        expect(heads[1]!.status?.details).toBe(
            `Failure ${eventHandlerFailureIds.failedToRegisterEventHandler}: Failed to register event handler ${overTheLimitHandler}: it handles 32767 event types, but an event handler may handle at most 1000; split it into several event handlers`,
        );
    });

    it('logs the refusal in a short line, without the list of types', () => {
        const refusal = runtime!.logs().split('\n').find((line) => line.includes('Event handler registration refused'));
        expect(refusal?.length).toBeLessThan(2_000);
    });
});
