/** The tutorials' event: a chef has prepared a dish. */
export class DishPrepared {
    constructor(readonly Dish: string, readonly Chef: string) {}
}
