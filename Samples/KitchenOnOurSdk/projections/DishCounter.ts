// DishCounter.ts
import { on, projection, ProjectionContext } from '@dolittle-typescript/sdk';
import { DishPrepared } from '../aggregates/DishPrepared';

/** How often each dish was prepared: one read model per dish, keyed by the event's Dish property. */
@projection('98f9db66-b6ca-4e5f-9fc3-638626c9ecfa')
export class DishCounter {
    name: string = 'Unknown';
    numberOfTimesPrepared: number = 0;

    @on(DishPrepared, _ => _.keyFromProperty('Dish'))
    on(event: DishPrepared, projectionContext: ProjectionContext) {
        this.name = event.Dish;
        this.numberOfTimesPrepared++;
    }
}
