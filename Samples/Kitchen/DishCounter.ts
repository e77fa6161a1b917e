import { on, projection, type ProjectionContext } from '@dolittle/sdk.projections';
import { DishPrepared } from './DishPrepared.js';

/** How many times each dish was prepared: a read model per dish that the Runtime keeps (the projections tutorial). */
@projection('98f9db66-b6ca-4e5f-9fc3-638626c9ecfa')
export class DishCounter {
    numberOfTimesPrepared = 0;

    /** Counts one more preparation of the dish the event names (its `Dish` property is the read model's key). */
    @on(DishPrepared, (_) => _.keyFromProperty('Dish'))
    on(_event: DishPrepared, _projectionContext: ProjectionContext): void {
        this.numberOfTimesPrepared++;
    }
}
