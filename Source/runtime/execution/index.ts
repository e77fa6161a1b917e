export { versionNotSet, type Claim, type ExecutionContext, type Version } from './ExecutionContext.js';
export { MicroserviceId } from './MicroserviceId.js';
export { processingExecutionContext } from './processingExecutionContext.js';
