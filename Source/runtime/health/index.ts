export { HttpEndpoints, type HttpRoutes } from './HttpEndpoints.js';
export { Readiness } from './Readiness.js';
