import { guidToUuid, type dolittle } from '@dolittle-typescript/protocol';
import type { ExecutionContext } from '../execution/index.js';
import { guidFromWire } from './guidFromWire.js';
import { RequestIsMalformed } from './RequestIsMalformed.js';

/** Reads a request's execution context; a missing one is a malformed request naming the field. */
export function executionContextFromWire(wire: dolittle.execution.ExecutionContext.$Properties | null | undefined, field: string): ExecutionContext {
    if (wire === null || wire === undefined) {
        throw new RequestIsMalformed(field, 'it is missing (every call carries the execution context it runs in)');
    }
    const version = wire.version;
    return {
        microserviceId: guidFromWire(wire.microserviceId, `${field}.microserviceId`),
        tenantId: guidFromWire(wire.tenantId, `${field}.tenantId`),
        version: {
            major: version?.major ?? 0,
            minor: version?.minor ?? 0,
            patch: version?.patch ?? 0,
            build: version?.build ?? 0,
            preRelease: version?.preReleaseString ?? '',
        },
        correlationId: guidFromWire(wire.correlationId, `${field}.correlationId`),
        claims: (wire.claims ?? []).map((claim) => ({ key: claim.key ?? '', value: claim.value ?? '', valueType: claim.valueType ?? '' })),
        environment: wire.environment ?? '',
    };
}

/** Writes an execution context for the wire. */
export function executionContextToWire(context: ExecutionContext): dolittle.execution.ExecutionContext.$Properties {
    return {
        microserviceId: guidToUuid(context.microserviceId),
        tenantId: guidToUuid(context.tenantId),
        version: {
            major: context.version.major,
            minor: context.version.minor,
            patch: context.version.patch,
            build: context.version.build,
            preReleaseString: context.version.preRelease,
        },
        correlationId: guidToUuid(context.correlationId),
        claims: context.claims.map((claim) => ({ key: claim.key, value: claim.value, valueType: claim.valueType })),
        environment: context.environment,
    };
}
