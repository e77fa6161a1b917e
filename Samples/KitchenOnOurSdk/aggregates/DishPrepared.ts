// DishPrepared.ts
import { eventType } from '@dolittle-typescript/sdk';

@eventType('1844473f-d714-4327-8b7f-5b3c2bdfc26a')
export class DishPrepared {
    constructor(readonly Dish: string, readonly Chef: string) {}
}
