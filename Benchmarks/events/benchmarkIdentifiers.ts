/** The ids the benchmarks use: one tenant, one microservice, and an event type and handler per scenario. */
export const benchmarkIdentifiers = Object.freeze({
    /** The development tenant, the only tenant in the benchmark Runtime's tenants.json. */
    tenant: '445f8ea8-1a6f-40d7-b2fc-796dba92dc44',
    microservice: 'f39b1f61-d360-4675-b859-53c05c87c0e6',
    correlation: '2bfa4ee4-3c2a-4b5b-9b0a-7c1f4d59c0d1',
    emptyGuid: '00000000-0000-0000-0000-000000000000',
    /** The type of the events the commit-throughput scenarios commit (no handler listens to them). */
    throughputEventType: 'b9b6c1c2-6c1e-4c5f-8a3e-1f0f0d1a2b01',
    /** The type, and the handler, of the commit-to-handler latency scenario. */
    latencyEventType: 'b9b6c1c2-6c1e-4c5f-8a3e-1f0f0d1a2b02',
    latencyEventHandler: '5d1e8f3a-7a2b-4c6d-9e0f-a1b2c3d4e502',
    /** The type, and the handler, of the catch-up scenario. */
    catchUpEventType: 'b9b6c1c2-6c1e-4c5f-8a3e-1f0f0d1a2b03',
    catchUpEventHandler: '5d1e8f3a-7a2b-4c6d-9e0f-a1b2c3d4e503',
    /** The type, and the handler, of the partitioned catch-up scenario. */
    partitionedCatchUpEventType: 'b9b6c1c2-6c1e-4c5f-8a3e-1f0f0d1a2b11',
    partitionedCatchUpEventHandler: '5d1e8f3a-7a2b-4c6d-9e0f-a1b2c3d4e511',
    /** The type of the projection-replay scenario's events, and its projection. */
    projectionReplayEventType: 'b9b6c1c2-6c1e-4c5f-8a3e-1f0f0d1a2b04',
    projectionReplayProjection: '5d1e8f3a-7a2b-4c6d-9e0f-a1b2c3d4e504',
    /** The Event Horizon scenario: the consumer microservice, the public stream (the public filter), its scope and event types. */
    consumerMicroservice: '7cf1ebc3-1a4d-4fa3-8a08-7d3b5a4f2c10',
    publicStream: '5d1e8f3a-7a2b-4c6d-9e0f-a1b2c3d4e505',
    eventHorizonScope: '5d1e8f3a-7a2b-4c6d-9e0f-a1b2c3d4e506',
    eventHorizonConsent: '5d1e8f3a-7a2b-4c6d-9e0f-a1b2c3d4e507',
    eventHorizonBacklogEventType: 'b9b6c1c2-6c1e-4c5f-8a3e-1f0f0d1a2b05',
    eventHorizonLatencyEventType: 'b9b6c1c2-6c1e-4c5f-8a3e-1f0f0d1a2b06',
    eventHorizonLatencyEventHandler: '5d1e8f3a-7a2b-4c6d-9e0f-a1b2c3d4e508',
});
