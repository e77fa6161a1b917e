export { HttpEndpoints, type HttpRoutes } from './HttpEndpoints.js';
export { Readiness } from './Readiness.js';
export { healthServiceFor } from './HealthService.js';
