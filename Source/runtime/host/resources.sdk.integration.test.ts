import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { AggregateRootId, EventSourceId } from '@dolittle/sdk.events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests, type BackendForTests } from './given/backendsForTests.js';
import { callSynchronousSdk } from './given/callSynchronousSdk.js';
import { connectClient, type ConnectedClient } from './given/connectClient.js';
import { developmentTenant } from './given/developmentTenant.js';
import { DishPrepared } from './given/kitchen/DishPrepared.js';
import { Kitchen } from './given/kitchen/Kitchen.js';
import { tutorialIds } from './given/kitchen/tutorialIds.js';
import { printLogsOnFailure } from './given/printLogsOnFailure.js';
import { resourcesFor } from './given/resourcesFor.js';
import type { RuntimeOptions } from './given/RuntimeOptions.js';
import type { RuntimeUnderTest } from './given/RuntimeUnderTest.js';
import { startRuntime } from './given/startRuntime.js';

const backends = await backendsForTests(import.meta.url);
const postgres = backends.find((backend): backend is Extract<BackendForTests, { kind: 'postgres' }> => backend.kind === 'postgres')!;

const shapes: ReadonlyArray<{ readonly name: string; readonly options: RuntimeOptions; readonly usesTheDataFolder: boolean; readonly available: boolean }> = [
    {
        name: 'names an embedded database',
        options: { backend: { kind: 'embedded' }, resources: { [developmentTenant]: { eventStore: { embedded: { database: 'kitchen' } } } } },
        usesTheDataFolder: true,
        available: true,
    },
    {
        name: 'has the documented MongoDB shape and the Runtime is told to store in PostgreSQL',
        options: {
            backend: postgres,
            resources: resourcesFor({ kind: 'embedded' }, [developmentTenant], ''),
            arguments: ['--store', 'postgres', '--postgres', postgres.connectionString],
        },
        usesTheDataFolder: false,
        available: postgres.available,
    },
];

for (const { name, options, usesTheDataFolder, available } of shapes) describe.skipIf(!available)(`when resources.json ${name}, and the Runtime restarts`, () => {
    let runtime: RuntimeUnderTest | undefined;
    let connected: ConnectedClient;
    const kitchen = randomUUID();
    let third: unknown;
    printLogsOnFailure(() => runtime);

    const prepareDish = async (dish: string) => {
        const operations = await callSynchronousSdk(() => connected.client.aggregateOf(Kitchen, kitchen, (eventStore) => eventStore.forTenant(developmentTenant)));
        await operations.perform((aggregate) => aggregate.prepareDish(dish, 'Mr. Taco'));
    };

    beforeAll(async () => {
        runtime = await startRuntime(options);
        connected = connectClient(runtime, (builder) => builder.withEventTypes((eventTypes) => {
            eventTypes.associate(DishPrepared, tutorialIds.dishPrepared);
        }));
        await prepareDish('Bean Blaster Taco');
        await prepareDish('Avocado Artillery Tortilla');
        await runtime.restart();
        third = await prepareDish('Chili Canon Wrap').then(() => 'no error', (error: unknown) => error);
    });
    afterAll(async () => {
        connected?.disconnect();
        await runtime?.dispose();
    });

    it('keeps the committed events over the restart', async () => {
        const events = await connected.client.eventStore
            .forTenant(developmentTenant)
            .fetchForAggregate(AggregateRootId.from(tutorialIds.kitchen), EventSourceId.from(kitchen));
        expect(events.toArray().map((event) => event.content.Dish)).toEqual(['Bean Blaster Taco', 'Avocado Artillery Tortilla']);
    });
    it('rehydrates the aggregate from them', () => expect(String(third)).toContain('Cannot prepare more than 2 dishes'));
    it(usesTheDataFolder ? 'keeps the event store in the data folder' : 'keeps nothing in the data folder', async () => {
        const files = await readdir(runtime!.dataFolder).catch(() => []);
        expect(files.length > 0).toBe(usesTheDataFolder);
    });
});
