export type { CommandLineEnvironment } from './CommandLineEnvironment.js';
export { processEnvironment } from './CommandLineEnvironment.js';
export { commandLineHelp } from './commandLineHelp.js';
export type { CommandLineOptions, StoreKind } from './CommandLineOptions.js';
export { ConfigurationIsInvalid } from './ConfigurationIsInvalid.js';
export type { ConfigurationProblem } from './ConfigurationProblem.js';
export { describeProblem } from './describeProblem.js';
export { loadRuntimeConfiguration, type LoadedConfiguration } from './loadRuntimeConfiguration.js';
export { parseCommandLine, type ParsedCommandLine } from './parseCommandLine.js';
export type {
    EventHorizonConsent,
    EventStoreResource,
    MicroserviceAddress,
    RuntimeConfiguration,
    TenantResources,
} from './RuntimeConfiguration.js';
export { SchemasFolderIsMissing } from './SchemasFolderIsMissing.js';
export { findSharedStores, type TenantEventStore } from './findSharedStores.js';
