export { failure, otherFailure, otherFailureId, type Failure } from './Failure.js';
export { failed, succeeded, type Result } from './Result.js';
