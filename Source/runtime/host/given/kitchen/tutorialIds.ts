/** The ids the getting-started and aggregates tutorials use. */
export const tutorialIds = {
    /** The `DishPrepared` event type. */
    dishPrepared: '1844473f-d714-4327-8b7f-5b3c2bdfc26a',
    /** The `DishHandler` event handler. */
    dishHandler: 'f2d366cf-c00a-4479-acc4-851e04b6fbba',
    /** The `Kitchen` aggregate root. */
    kitchen: '01ad9a9f-711f-47a8-8549-43320f782a1e',
    /** The event source the tutorials commit to. */
    eventSource: 'bfe6f6e4-ada2-4344-8a3b-65a3e1fe16e9',
} as const;
