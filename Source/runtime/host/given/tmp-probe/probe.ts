import { randomUUID } from 'node:crypto';
import { AggregateRootId, EventSourceId } from '@dolittle/sdk.events';
import { startRuntime } from '../startRuntime.js';
import { connectClient } from '../connectClient.js';
import { Kitchen } from '../kitchen/Kitchen.js';
import { DishPrepared } from '../kitchen/DishPrepared.js';
import { tutorialIds } from '../kitchen/tutorialIds.js';
import { developmentTenant } from '../developmentTenant.js';

const runtime = await startRuntime({ backend: { kind: 'embedded' } });
try {
    const connected = connectClient(runtime, (b) => b.withEventTypes((t) => { t.associate(DishPrepared, tutorialIds.dishPrepared); }));
    const kitchen = randomUUID();
    const fetched = await connected.client.eventStore.forTenant(developmentTenant).fetchForAggregate(AggregateRootId.from(tutorialIds.kitchen), EventSourceId.from(kitchen));
    console.log('async fetch', fetched.length);
    for (let i = 0; i < 3; i++) {
        try {
            await connected.client.aggregateOf(Kitchen, kitchen, (e) => e.forTenant(developmentTenant)).perform((k) => k.prepareDish('Taco ' + i, 'Mr. Taco'));
            console.log('prepared', i);
        } catch (error) { console.log('error', i, String(error)); }
    }
    connected.disconnect();
} finally {
    console.log(runtime.logs().split('\n').slice(-30).join('\n'));
    await runtime.dispose();
}
