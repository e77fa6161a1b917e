export { RuntimeMetrics } from './RuntimeMetrics.js';
export {
    noMetrics,
    type CommitOutcome,
    type EventHorizonMetrics,
    type EventStoreMetrics,
    type HeadMetrics,
    type MetricsRecorders,
    type ProcessorIdentity,
    type ProcessorMetrics,
    type ProcessorMetricsFactory,
    type ReverseCallMetrics,
    type StorageMetrics,
    type WatchedProcessor,
} from './recorders.js';
export { WatchedProcessors, type ProcessorLag } from './WatchedProcessors.js';
