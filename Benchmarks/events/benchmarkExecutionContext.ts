import { guidToUuid, type dolittle } from '@dolittle-typescript/protocol';
import { benchmarkIdentifiers } from './benchmarkIdentifiers.js';

/** The execution context every benchmark call carries, as the SDK builds it (version 0.0.0.0, no claims). */
export const benchmarkExecutionContext: dolittle.execution.ExecutionContext.$Properties = Object.freeze({
    microserviceId: guidToUuid(benchmarkIdentifiers.microservice),
    tenantId: guidToUuid(benchmarkIdentifiers.tenant),
    version: { major: 0, minor: 0, patch: 0, build: 0, preReleaseString: '' },
    correlationId: guidToUuid(benchmarkIdentifiers.correlation),
    claims: [],
    environment: 'Development',
});

/** The same execution context as the Runtime stores it next to each event (its JSON text). */
export const storedBenchmarkExecutionContext = JSON.stringify({
    microserviceId: benchmarkIdentifiers.microservice,
    tenantId: benchmarkIdentifiers.tenant,
    version: { major: 0, minor: 0, patch: 0, build: 0, preRelease: '' },
    correlationId: benchmarkIdentifiers.correlation,
    claims: [],
    environment: 'Development',
});
