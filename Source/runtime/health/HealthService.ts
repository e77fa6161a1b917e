import type * as grpc from '@grpc/grpc-js';
import { grpc as wire, healthService } from '@dolittle-typescript/protocol';
import type { Readiness } from './Readiness.js';

type CheckResponse = wire.health.v1.HealthCheckResponse.$Properties;

/**
 * The standard `grpc.health.v1.Health` service: SERVING once the Runtime is ready (every tenant's store open and
 * reachable, the servers listening), NOT_SERVING before, while a tenant's store cannot be reached and while stopping.
 * Any service name gets the Runtime's status.
 */
export function healthServiceFor(readiness: Readiness): { definition: typeof healthService; implementation: grpc.UntypedServiceImplementation } {
    const status = (): CheckResponse => ({
        status: readiness.ready ? wire.health.v1.HealthCheckResponse.ServingStatus.SERVING : wire.health.v1.HealthCheckResponse.ServingStatus.NOT_SERVING,
    });
    return {
        definition: healthService,
        implementation: {
            check: (_call: grpc.ServerUnaryCall<unknown, CheckResponse>, callback: grpc.sendUnaryData<CheckResponse>) => callback(null, status()),
            watch: (call: grpc.ServerWritableStream<unknown, CheckResponse>) => {
                let last = status().status;
                call.write(status());
                const timer = setInterval(() => {
                    const current = status();
                    if (current.status !== last) {
                        last = current.status;
                        call.write(current);
                    }
                }, 1_000);
                call.on('cancelled', () => clearInterval(timer));
                call.on('close', () => clearInterval(timer));
            },
        },
    };
}
