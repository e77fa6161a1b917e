// The kitchen tutorial's head: commits a prepared taco, prepares one through the Kitchen aggregate, prints every
// prepared dish through the DishHandler, and reads how often each dish was prepared from the DishCounter projection. Usage: `npx tsx index.ts [host:port]` (default localhost:50053).
import { access } from 'node:fs';
import { Client } from '@dolittle/sdk';
import type { IAggregateRootOperations } from '@dolittle/sdk.aggregates';
import { TenantId } from '@dolittle/sdk.execution';
import { DishCounter } from './DishCounter.js';
import { DishHandler } from './DishHandler.js';
import { DishPrepared } from './DishPrepared.js';
import { Kitchen } from './Kitchen.js';

const [host = 'localhost', port = '50053'] = (process.argv[2] ?? 'localhost:50053').split(':');

const client = Client
    .forMicroservice('f39b1f61-d360-4675-b859-53c05c87c0e6')
    .withRuntimeOn(host, Number(port))
    .withEventTypes((eventTypes) => eventTypes.register(DishPrepared))
    .withEventHandlers((builder) => builder.register(DishHandler))
    .withProjections((builder) => builder.register(DishCounter))
    .build();

const preparedTaco = new DishPrepared('Bean Blaster Taco', 'Mr. Taco');
await client.eventStore
    .forTenant(TenantId.development)
    .commit(preparedTaco, 'bfe6f6e4-ada2-4344-8a3b-65a3e1fe16e9');

try {
    const kitchen = await fromInputOutputCallback(() =>
        client.aggregateOf(Kitchen, 'bfe6f6e4-ada2-4344-8a3b-65a3e1fe16e9', (eventStore) => eventStore.forTenant(TenantId.development)));
    await kitchen.perform((aggregate) => aggregate.prepareDish('Bean Blaster Taco', 'Mr. Taco'));
} catch (error) {
    // The kitchen's rule: run the sample a third time and the aggregate refuses the dish.
    if (!(error instanceof Error) || !error.message.startsWith('Cannot prepare')) {
        throw error;
    }
    console.log(`The kitchen refused: ${error.message}`);
}

// The Runtime projects the dishes in the background: read the counter once it has counted this run's taco.
const counted = await countedTacos();
console.log(`Bean Blaster Taco has been prepared ${counted} times (DishCounter projection)`);

// The event handlers and the projection keep running until the process is stopped.
console.log('Handling events; stop with Ctrl+C');

/** Reads the taco's DishCounter until the projection has counted a taco (it runs behind the commits); gives up after 10 s. */
async function countedTacos(): Promise<number> {
    const giveUpAt = Date.now() + 10_000;
    for (;;) {
        const current = await client.projections.forTenant(TenantId.development).get(DishCounter, 'Bean Blaster Taco');
        if (current.state.numberOfTimesPrepared > 0 || Date.now() > giveUpAt) {
            return current.state.numberOfTimesPrepared;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

/**
 * `aggregateOf` re-applies the kitchen's events synchronously: the SDK spins the event loop (deasync) until the Runtime
 * answers. After an `await` (as here, in an ES module) that spin can never see the answer, so the call is made from an
 * I/O callback, where it works.
 */
function fromInputOutputCallback(get: () => IAggregateRootOperations<Kitchen>): Promise<IAggregateRootOperations<Kitchen>> {
    return new Promise((resolve, reject) => {
        access('.', () => {
            try {
                resolve(get());
            } catch (error) {
                reject(error);
            }
        });
    });
}
