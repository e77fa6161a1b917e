import type * as grpc from '@grpc/grpc-js';
import type { dolittle } from '@dolittle-typescript/protocol';
import { TenantIsNotConfigured } from '../eventStore/index.js';
import { otherFailure, type Failure } from '../failures/index.js';
import type { Logger } from '../logging/index.js';
import type { Tenant, Tenants } from '../tenancy/index.js';
import { executionContextFromWire, RequestIsMalformed } from '../wire/index.js';
import type { ExecutionContext } from '../execution/index.js';
import { embeddingLogMessages as messages } from './logMessages.js';

/** The embeddings' unary calls: how each finds its tenant, and the one place an exception becomes an answer. */
export type UnaryCalls = {
    /** A gRPC handler that answers the handled request, or the Other failure (logged once) when it throws. */
    answer<Request, Response>(name: string, handle: (request: Request) => Promise<Response>, failed: (failure: Failure) => Response): grpc.handleUnaryCall<Request, Response>;
    /** The tenant and execution context of a call; throws, naming the field or tenant, when they are missing or unknown. */
    tenantOf(callContext: dolittle.services.CallRequestContext.$Properties | null | undefined): { readonly tenant: Tenant; readonly executionContext: ExecutionContext };
};

/**
 * The unary calls of the Embeddings and EmbeddingStore services. A malformed request or an unconfigured tenant is
 * answered with the Other failure and logged as a warning, anything else unexpected at error level; the server stays up.
 */
export function unaryCalls(tenants: Tenants, logger: Logger): UnaryCalls {
    return {
        answer: (name, handle, failedWith) => (call, callback) => {
            handle(call.request).then(
                (response) => callback(null, response),
                (error: unknown) => {
                    const expected = error instanceof RequestIsMalformed || error instanceof TenantIsNotConfigured;
                    const text = error instanceof Error ? error.message : String(error);
                    logger.log(expected ? messages.readRejected : messages.unexpected, { method: name, error: expected || !(error instanceof Error) ? text : error.stack ?? text });
                    callback(null, failedWith(otherFailure(text)));
                },
            );
        },
        tenantOf: (callContext) => {
            const executionContext = executionContextFromWire(callContext?.executionContext, 'callContext.executionContext');
            const tenant = tenants.get(executionContext.tenantId);
            if (tenant === undefined) {
                throw new TenantIsNotConfigured(executionContext.tenantId);
            }
            return { tenant, executionContext };
        },
    };
}
