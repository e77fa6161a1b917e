import type { TestBackend } from './TestBackend.js';

/** How to start a Runtime for an end-to-end test. */
export type RuntimeOptions = {
    readonly backend: TestBackend;
    /** The tenants of tenants.json; the development tenant when left out. */
    readonly tenants?: ReadonlyArray<string>;
    /** resources.json exactly as written; derived from the backend (one database or schema per tenant) when left out. */
    readonly resources?: Readonly<Record<string, unknown>>;
    /** The folder of the embedded stores; a fresh one when left out. Give another Runtime's to share its stores. */
    readonly dataFolder?: string;
    /** More command-line arguments, e.g. `['--store', 'postgres', '--postgres', connectionString]`. */
    readonly arguments?: ReadonlyArray<string>;
    /** The Runtime's microservice id (bounded-context.json); the development one when left out. */
    readonly microserviceId?: string;
    /** event-horizon-consents.json exactly as written; `{}` when left out. */
    readonly consents?: Readonly<Record<string, unknown>>;
    /** microservices.json exactly as written; `{}` when left out. */
    readonly microservices?: Readonly<Record<string, unknown>>;
    /** More properties of the public endpoint in endpoints.json, e.g. its TLS `certificate` and `key`. */
    readonly publicEndpoint?: Readonly<Record<string, unknown>>;
    /** A command the Runtime is started through, e.g. `['ip', 'netns', 'exec', namespace]`. */
    readonly launcher?: ReadonlyArray<string>;
    /** The address the test reaches the Runtime at; 127.0.0.1 when left out. */
    readonly address?: string;
    /** How long to wait for `/readyz` to answer 200; 30 seconds when left out. */
    readonly readinessTimeoutMilliseconds?: number;
};
