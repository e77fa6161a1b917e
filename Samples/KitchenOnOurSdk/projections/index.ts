// index.ts: commits a dish, waits until the DishCounter projection has it, then prints every dish's count.
import { Client, TenantId } from '@dolittle-typescript/sdk';
import { DishPrepared } from '../aggregates/DishPrepared';
import { DishCounter } from './DishCounter';

(async () => {
    const client = Client
        .forMicroservice('f39b1f61-d360-4675-b859-53c05c87c0e6')
        .withEventTypes(eventTypes =>
            eventTypes.register(DishPrepared))
        .withProjections(builder =>
            builder.register(DishCounter))
        .build();
    await client.registered;

    const store = client.projections.forTenant(TenantId.development);
    const before = (await store.get(DishCounter, 'Bean Blaster Taco')).state.numberOfTimesPrepared;
    await client.eventStore
        .forTenant(TenantId.development)
        .commit(new DishPrepared('Bean Blaster Taco', 'Mr. Taco'), 'bfe6f6e4-ada2-4344-8a3b-65a3e1fe16e9');

    // The Runtime projects the event a moment after the commit: read until the count went up.
    while ((await store.get(DishCounter, 'Bean Blaster Taco')).state.numberOfTimesPrepared === before) {
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    for (const [key, dish] of await store.getAll(DishCounter)) {
        console.log(`The kitchen has prepared ${key.value} ${dish.state.numberOfTimesPrepared} times`);
    }
    await client.disconnect();
})();
