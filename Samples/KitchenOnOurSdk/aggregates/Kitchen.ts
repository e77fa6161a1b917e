// Kitchen.ts
import { aggregateRoot, AggregateRoot, on } from '@dolittle-typescript/sdk';
import { EventSourceId } from '@dolittle-typescript/sdk';
import { DishPrepared } from './DishPrepared';

@aggregateRoot('01ad9a9f-711f-47a8-8549-43320f782a1e')
export class Kitchen extends AggregateRoot {
    private _counter: number = 0;

    constructor(eventSourceId: EventSourceId) {
        super(eventSourceId);
    }

    prepareDish(dish: string, chef: string) {
        if (this._counter >= 2) throw new Error("Cannot prepare more than 2 dishes");
        this.apply(new DishPrepared(dish, chef));
        console.log(`Kitchen Aggregate ${this.eventSourceId} has applied ${this._counter} ${DishPrepared.name} events`);
    }

    @on(DishPrepared)
    onDishPrepared(event: DishPrepared) {
        this._counter++;
    }
}
