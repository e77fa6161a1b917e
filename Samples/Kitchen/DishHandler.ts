import type { EventContext } from '@dolittle/sdk.events';
import { eventHandler, handles } from '@dolittle/sdk.events.handling';
import { DishPrepared } from './DishPrepared.js';

/** Reacts to prepared dishes by announcing them. */
@eventHandler('f2d366cf-c00a-4479-acc4-851e04b6fbba')
export class DishHandler {
    /** Called once for every DishPrepared, in the order of the event log. */
    @handles(DishPrepared)
    dishPrepared(event: DishPrepared, _eventContext: EventContext): void {
        console.log(`${event.Chef} has prepared ${event.Dish}. Yummm!`);
    }
}
