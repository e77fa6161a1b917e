export { committedEventToWire } from './committedEventToWire.js';
export { executionContextFromWire, executionContextToWire } from './executionContextWire.js';
export { failureToWire } from './failureToWire.js';
export { guidFromWire } from './guidFromWire.js';
export { RequestIsMalformed } from './RequestIsMalformed.js';
export { countRepeatedField } from './countRepeatedField.js';
export { LargeMessageWork } from './LargeMessageWork.js';
export { splitRepeatedField, type SplitMessage } from './splitRepeatedField.js';
