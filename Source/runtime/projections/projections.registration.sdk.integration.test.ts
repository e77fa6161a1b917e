import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { HandledEvents } from '../host/given/HandledEvents.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { projectionFailureIds } from './failures.js';
import { waitForReadModels } from './given/readModels.js';

const backends = await backendsForTests(import.meta.url);

type LogLine = { readonly msg: string; readonly projection?: string; readonly failureId?: string; readonly reason?: string };

describeForEachBackend(backends, 'when projections register on a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    const clients: ConnectedClient[] = [];
    printLogsOnFailure(() => runtime);
    const eventType = randomUUID();
    const projectionId = randomUUID();
    const eventHandlerId = randomUUID();
    const refusals = (id: string) =>
        (runtime?.logs() ?? '')
            .split('\n')
            .filter((line) => line.startsWith('{'))
            .map((line) => JSON.parse(line) as LogLine)
            .filter((line) => line.msg === 'Projection registration refused' && line.projection === id);
    const register = (id: string) => {
        const client = connectClient(runtime!, (builder) => builder.withProjections((projections) => {
            projections.createProjection(id).forReadModel(class { seen = 0; }).on(eventType, (key) => key.keyFromEventSource(), (state: { seen: number }) => ({ seen: state.seen + 1 }));
        }));
        clients.push(client);
        return client;
    };

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        const first = register(projectionId);
        await waitForReadModels(first.client, developmentTenant, projectionId, {});
        await waitUntil(() => (runtime?.logs() ?? '').includes('"msg":"Projection registered; its processors run for every tenant"'), 'the first projection registered');
        register(projectionId);
        await waitUntil(() => refusals(projectionId).length > 0, 'the second registration of the projection was refused');

        const handler = connectClient(runtime, (builder) => builder.withEventHandlers((eventHandlers) => {
            eventHandlers.createEventHandler(eventHandlerId, (eventHandler) => eventHandler.partitioned().handle(eventType, new HandledEvents().handler()));
        }));
        clients.push(handler);
        await waitUntil(() => (runtime?.logs() ?? '').includes(`"eventHandler":"${eventHandlerId}"`), 'the event handler registered');
        handler.disconnect();
        await waitUntil(() => (runtime?.logs() ?? '').includes('"msg":"Event handler disconnected; its processors stopped and its id is free again"'), 'the event handler disconnected');
        register(eventHandlerId);
        await waitUntil(() => refusals(eventHandlerId).length > 0, 'the projection with the event handler\'s id was refused');
    }, 60_000);
    afterAll(async () => {
        clients.forEach((client) => client.disconnect());
        await runtime?.dispose();
    });

    describe('and a second head registers a projection that is registered', () => {
        it('refuses it with FailedToRegisterProjection, naming the holder', () => {
            expect(refusals(projectionId)[0]).toMatchObject({
                failureId: projectionFailureIds.failedToRegisterProjection,
                reason: `Failed to register projection ${projectionId}: it is already registered in this Runtime by a connected projection`,
            });
        });
    });
    describe('and a projection takes the id of an event handler that once ran in the scope', () => {
        it('refuses it with FailedToRegisterProjection, because processor ids must be unique', () => {
            expect(refusals(eventHandlerId)[0]).toMatchObject({
                failureId: projectionFailureIds.failedToRegisterProjection,
                reason: `Failed to register projection ${eventHandlerId}: id ${eventHandlerId} in scope 00000000-0000-0000-0000-000000000000 is used by a filter or an event handler for tenant ${developmentTenant}; processor ids must be unique`,
            });
        });
    });
});
