import { createRequire } from 'node:module';
import type * as GrpcJs from '@grpc/grpc-js';

// The repository root's @grpc/grpc-js (1.2) belongs to the SDK; the Runtime and the protocol use 1.14, and so do
// the benchmarks, loaded from the Runtime's own dependencies.
const requireFromRuntime = createRequire(new URL('../Source/runtime/package.json', import.meta.url));

/** The @grpc/grpc-js the Runtime itself runs on. */
export const grpc = requireFromRuntime('@grpc/grpc-js') as typeof GrpcJs;
