/** What the benchmark projection head is told when it starts. */
export type ProjectionHeadArguments = {
    /** The Runtime's private endpoint, `host:port`. */
    readonly address: string;
    readonly projectionId: string;
    /** The one event type the projection selects, keyed by event source id. */
    readonly eventTypeId: string;
    /** The read model every key starts from (JSON), e.g. `{"count":0}`. */
    readonly initialState: string;
    /** How many projection requests to answer before reporting 'done'; 'progress' is reported every hundredth. */
    readonly expected: number;
};
