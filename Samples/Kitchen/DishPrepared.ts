import { eventType } from '@dolittle/sdk.events';

/** A chef has prepared a dish: a fact, so it is named in the past tense. */
@eventType('1844473f-d714-4327-8b7f-5b3c2bdfc26a')
export class DishPrepared {
    constructor(readonly Dish: string, readonly Chef: string) {}
}
