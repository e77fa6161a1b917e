import type { ExecutionContext } from '../../execution/index.js';
import type { Guid } from '../../guids/index.js';

/** An execution context for tests, with claims, a pre-release version and an environment; fields can be overridden. */
export function anExecutionContext(overrides: Partial<ExecutionContext> = {}): ExecutionContext {
    return {
        microserviceId: 'a14bb24e-51f3-4d83-9eba-44c4cffe6bb9' as Guid,
        tenantId: '445f8ea8-1a6f-40d7-b2fc-796dba92dc44' as Guid,
        version: { major: 1, minor: 2, patch: 3, build: 4, preRelease: 'alpha.1' },
        correlationId: '7a1e5f0c-3b5d-4c2b-9f57-0d6a2b0c1e11' as Guid,
        claims: [
            { key: 'name', value: 'Ærlig Østbø 👩‍🍳', valueType: 'string' },
            { key: 'role', value: 'chef', valueType: 'http://www.w3.org/2001/XMLSchema#string' },
        ],
        environment: 'Development',
        ...overrides,
    };
}
