import { AggregateRoot, aggregateRoot, on } from '@dolittle/sdk.aggregates';
import type { EventSourceId } from '@dolittle/sdk.events';
import { DishPrepared } from './DishPrepared.js';

/** A kitchen that upholds one rule: it prepares at most two dishes. */
@aggregateRoot('01ad9a9f-711f-47a8-8549-43320f782a1e')
export class Kitchen extends AggregateRoot {
    private _counter = 0;

    constructor(eventSourceId: EventSourceId) {
        super(eventSourceId);
    }

    /** Prepares a dish, unless two have been prepared already. */
    prepareDish(dish: string, chef: string): void {
        if (this._counter >= 2) {
            throw new Error('Cannot prepare more than 2 dishes');
        }
        this.apply(new DishPrepared(dish, chef));
        console.log(`Kitchen Aggregate ${this.eventSourceId} has applied ${this._counter} ${DishPrepared.name} events`);
    }

    /** Only updates the state: called for every DishPrepared the kitchen has applied before. */
    @on(DishPrepared)
    onDishPrepared(_event: DishPrepared): void {
        this._counter++;
    }
}
