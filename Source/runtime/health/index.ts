export { HttpEndpoints, type HttpRoutes } from './HttpEndpoints.js';
export { Readiness } from './Readiness.js';
export { healthServiceFor } from './HealthService.js';
export { StoreReachability, type ProbedStore, type StoreReachabilityOptions } from './StoreReachability.js';
export { EventLoopWatch, type EventLoopWatchOptions, type Liveness } from './EventLoopWatch.js';
