export { emptyGuid, isGuid, newGuid, parseGuid, type Guid } from './Guid.js';
export { GuidIsMalformed } from './GuidIsMalformed.js';
