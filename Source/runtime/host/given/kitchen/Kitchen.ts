import { AggregateRoot, aggregateRoot, on } from '@dolittle/sdk.aggregates';
import type { EventSourceId } from '@dolittle/sdk.events';
import { DishPrepared } from './DishPrepared.js';
import { tutorialIds } from './tutorialIds.js';

/**
 * The aggregates tutorial's Kitchen: it prepares at most two dishes. Its counter only moves when events are re-applied,
 * so the invariant holds across `aggregateOf` calls only if the Runtime returns the committed events (FetchForAggregate).
 */
export class Kitchen extends AggregateRoot {
    #counter = 0;

    constructor(eventSourceId: EventSourceId) {
        super(eventSourceId);
    }

    /** Applies DishPrepared, unless two dishes were prepared already. */
    prepareDish(dish: string, chef: string): void {
        if (this.#counter >= 2) {
            throw new Error('Cannot prepare more than 2 dishes');
        }
        this.apply(new DishPrepared(dish, chef));
    }

    /** Counts a re-applied DishPrepared. */
    onDishPrepared(_event: DishPrepared): void {
        this.#counter++;
    }
}

// The tutorial uses decorators; the tests compile without experimentalDecorators, so the decorators are applied by hand.
aggregateRoot(tutorialIds.kitchen)(Kitchen);
const onDishPrepared = Object.getOwnPropertyDescriptor(Kitchen.prototype, 'onDishPrepared');
if (onDishPrepared === undefined) {
    throw new Error('Kitchen.onDishPrepared is missing');
}
on(DishPrepared)(Kitchen.prototype, 'onDishPrepared', onDishPrepared);
