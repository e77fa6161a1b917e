import type { LoggingConfiguration } from '../logging/index.js';
import type { Guid } from '../guids/index.js';

/** Where a tenant's event store lives. */
export type EventStoreResource =
    | {
          readonly kind: 'embedded';
          /** The database file (absolute path). */
          readonly file: string;
          /** The database name the file was derived from, for logs. */
          readonly database: string;
      }
    | {
          readonly kind: 'postgres';
          /** The connection string (a secret: never logged). */
          readonly connectionString: string;
          /** The schema that holds only this tenant's event store tables. */
          readonly schema: string;
          /** The most connections the tenant's pool opens. */
          readonly maximumConnections: number;
      };

/** The resources of one tenant (resources.json). Projections and embeddings join later. */
export type TenantResources = {
    readonly eventStore: EventStoreResource;
};

/** One consent a producer tenant gives a consumer (event-horizon-consents.json). */
export type EventHorizonConsent = {
    readonly consumerMicroservice: Guid;
    readonly consumerTenant: Guid;
    readonly stream: Guid;
    readonly partition: Guid;
    readonly consent: Guid;
};

/** Where a producer microservice's Runtime listens (microservices.json). */
export type MicroserviceAddress = {
    readonly host: string;
    readonly port: number;
    /** The PEM file of the certificate authority to trust for TLS to this producer (absolute); plain text when absent. */
    readonly certificateAuthority?: string;
    /** The name the producer's certificate is issued to, when it differs from `host`. */
    readonly serverName?: string;
};

/** Everything the Runtime is configured with, read and validated before anything starts. Frozen. */
export type RuntimeConfiguration = {
    /** The folder the configuration files were read from (absolute). */
    readonly configurationFolder: string;
    /** The folder the embedded stores keep their files in (absolute). */
    readonly dataFolder: string;
    /** The Runtime's own microservice id (bounded-context.json `boundedContext`). */
    readonly microserviceId: Guid;
    /** The configured tenants, in the order of tenants.json. */
    readonly tenants: ReadonlyArray<Guid>;
    /** Resources per tenant; every tenant has an entry. */
    readonly resources: ReadonlyMap<Guid, TenantResources>;
    /** Consents per producer tenant. */
    readonly consents: ReadonlyMap<Guid, ReadonlyArray<EventHorizonConsent>>;
    /** Producer microservices by id. */
    readonly microservices: ReadonlyMap<Guid, MicroserviceAddress>;
    readonly endpoints: {
        /** The port SDKs connect to (default 50053). */
        readonly privatePort: number;
        /** The port other Runtimes connect to for the Event Horizon (default 50052). */
        readonly publicPort: number;
        /** The port of the management API, for the `dolittle` CLI (default 51052). */
        readonly managementPort: number;
        /** The port of the HTTP liveness and readiness endpoints (default 9700, shared with /metrics). */
        readonly httpPort: number;
        /** The address the servers bind to (default 0.0.0.0). */
        readonly host: string;
        /** The PEM files (absolute) the public port serves TLS with; plain text when absent. */
        readonly publicTls?: { readonly certificate: string; readonly key: string };
    };
    /** Where each port was set (file and key, or the default), for the error when a port is taken. */
    readonly portSources: {
        readonly privatePort: string;
        readonly publicPort: string;
        readonly managementPort: string;
        readonly httpPort: string;
    };
    readonly logging: LoggingConfiguration;
};
