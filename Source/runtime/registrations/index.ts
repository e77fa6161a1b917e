export type { ProcessorRegistration, RegistrationLogMessages, RunningProcessors } from './ProcessorRegistration.js';
export { serveProcessorRegistration, type RegistrationContext } from './serveProcessorRegistration.js';
