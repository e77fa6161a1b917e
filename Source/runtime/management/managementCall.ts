import type * as grpc from '@grpc/grpc-js';
import type { dolittle } from '@dolittle-typescript/protocol';
import { otherFailure, type Failure } from '../failures/index.js';
import { emptyGuid, isGuid, type Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import type { Tenant, Tenants } from '../tenancy/index.js';
import { failureToWire } from '../wire/index.js';
import { managementFailures, ManagementRequestIsRefused } from './failures.js';
import { managementLogMessages as messages } from './logMessages.js';

/** A gRPC service of the management port: its definition and the functions that serve it. */
export type ManagementService = {
    readonly definition: grpc.ServiceDefinition;
    readonly implementation: grpc.UntypedServiceImplementation;
};

/** What a management call knows besides its request: who asked. */
export type Caller = { readonly peer: string };

/** A unary management method: its answer, or a thrown ManagementRequestIsRefused for a documented failure. */
export type ManagementMethod<Request, Response> = (request: Request, caller: Caller) => Promise<Response>;

/**
 * The one boundary of the management services: answers a refusal with its failure (logged at info) and anything
 * unexpected with the documented "Other" failure, logged once at error with its stack; the server stays up.
 */
export function answerManagementCall<Request, Response extends { failure?: dolittle.protobuf.Failure.$Properties | null }>(
    name: string,
    method: ManagementMethod<Request, Response>,
    logger: Logger,
): (call: grpc.ServerUnaryCall<Request, Response>, callback: grpc.sendUnaryData<Response>) => void {
    return (call, callback) => {
        const peer = call.getPeer();
        // Started inside a promise, so that a method that throws before its first await is answered the same way.
        Promise.resolve().then(() => method(call.request, { peer })).then(
            (response) => callback(null, response),
            (error: unknown) => callback(null, { failure: failureToWire(failureFor(name, peer, error, logger)) } as Response),
        );
    };
}

/** The failure a management call answers for an error, logged once. */
export function failureFor(name: string, peer: string, error: unknown, logger: Logger): Failure {
    if (error instanceof ManagementRequestIsRefused) {
        logger.log(messages.refused, { method: name, peer, failureId: error.failure.id, reason: error.failure.reason });
        return error.failure;
    }
    logger.log(messages.unexpected, { method: name, peer, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    return otherFailure(error instanceof Error ? error.message : String(error));
}

/** Reads a GUID field of a request; the empty text is `fallback`, anything else that is not a GUID refuses the call. */
export function guidField(value: string | null | undefined, field: string, fallback: Guid = emptyGuid): Guid {
    if (value === null || value === undefined || value === '') {
        return fallback;
    }
    if (!isGuid(value)) {
        throw new ManagementRequestIsRefused(otherFailure(`The request's ${field} '${value}' is not a GUID`));
    }
    return value.toLowerCase() as Guid;
}

/** The tenants a request names: the one of its tenantId, or every tenant when it is empty. */
export function tenantsOf(tenants: Tenants, tenantId: string | null | undefined): ReadonlyArray<Tenant> {
    if (tenantId === null || tenantId === undefined || tenantId === '') {
        return tenants.all;
    }
    return [tenantOf(tenants, tenantId)];
}

/** The tenant a request names; refuses the call when it is missing or not configured. */
export function tenantOf(tenants: Tenants, tenantId: string | null | undefined): Tenant {
    const id = guidField(tenantId, 'tenantId');
    const tenant = tenants.get(id);
    if (tenant === undefined) {
        throw new ManagementRequestIsRefused(managementFailures.tenantIsNotFound(id));
    }
    return tenant;
}
