import { guidToUuid, uuidToGuid, type dolittle } from '@dolittle-typescript/protocol';
import { newGuidText } from './Guid.js';
import { MicroserviceId } from './MicroserviceId.js';
import { TenantId } from './TenantId.js';
import { Version } from './Version.js';

type WireExecutionContext = dolittle.execution.ExecutionContext.$Properties;

/** Who a call is made for: the microservice, tenant, version, environment and the correlation of calls. */
export class ExecutionContext {
    /** Creates an execution context from its parts. */
    constructor(
        readonly microserviceId: MicroserviceId,
        readonly tenantId: TenantId,
        readonly version: Version,
        readonly environment: string,
        readonly correlationId: string,
    ) {}

    /** The same context for another tenant, with a new correlation id. */
    forTenant(tenantId: TenantId): ExecutionContext {
        return new ExecutionContext(this.microserviceId, tenantId, this.version, this.environment, newGuidText());
    }

    /** The context as the wire's ExecutionContext message. */
    toWire(): WireExecutionContext {
        const version = this.version;
        return {
            microserviceId: guidToUuid(this.microserviceId.value),
            tenantId: guidToUuid(this.tenantId.value),
            version: { major: version.major, minor: version.minor, patch: version.patch, build: version.build, preReleaseString: version.preReleaseString },
            correlationId: guidToUuid(this.correlationId),
            claims: [],
            environment: this.environment,
        };
    }

    /** Reads the wire's ExecutionContext message (the context an event was committed in). */
    static fromWire(wire: WireExecutionContext | null | undefined): ExecutionContext {
        const version = wire?.version;
        return new ExecutionContext(
            MicroserviceId.from(uuidToGuid(wire?.microserviceId)),
            TenantId.from(uuidToGuid(wire?.tenantId)),
            new Version(version?.major ?? 0, version?.minor ?? 0, version?.patch ?? 0, version?.build ?? 0, version?.preReleaseString ?? ''),
            wire?.environment ?? '',
            uuidToGuid(wire?.correlationId),
        );
    }
}
