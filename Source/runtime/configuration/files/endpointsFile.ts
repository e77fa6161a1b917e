import type { ConfigurationFile } from '../ConfigurationFile.js';

/** The ports of endpoints.json. */
export type EndpointPorts = {
    readonly publicPort: number;
    readonly privatePort: number;
    readonly managementPort: number;
    /** The public endpoint's TLS certificate and key files, as written (both or neither: the schema says so). */
    readonly publicTls?: TlsFiles;
};

/** The PEM files a TLS endpoint serves with. */
export type TlsFiles = { readonly certificate: string; readonly key: string };

type EndpointsContent = {
    readonly public?: { readonly port?: number; readonly certificate?: string; readonly key?: string };
    readonly private?: { readonly port?: number };
    readonly management?: { readonly port?: number };
};

/** endpoints.json: the ports of the public (Event Horizon), private (SDK) and management gRPC servers. */
export const endpointsFile: ConfigurationFile<EndpointPorts> = {
    name: 'endpoints.json',
    schemaName: 'endpoints.schema.json',
    documentedAsRequired: false,
    defaultDescription: 'the public port 50052, the private port 50053 and the management port 51052',
    defaultContent: { public: { port: 50052 }, private: { port: 50053 }, management: { port: 51052 } },
    read: (content) => {
        const endpoints = content as EndpointsContent;
        const certificate = endpoints.public?.certificate;
        const key = endpoints.public?.key;
        return {
            publicPort: endpoints.public?.port ?? 50052,
            privatePort: endpoints.private?.port ?? 50053,
            managementPort: endpoints.management?.port ?? 51052,
            ...(certificate === undefined || key === undefined ? {} : { publicTls: { certificate, key } }),
        };
    },
};
