// The Runtime as a library: start it in a process of one's own (as the tests do) instead of through the
// `dolittle-runtime` command.
export { loadRuntimeConfiguration, parseCommandLine, type RuntimeConfiguration } from './configuration/index.js';
export { startHost, type HostPorts, type RunningHost } from './host/Host.js';
export { createLogging } from './logging/index.js';
