import type { ConfigurationFile } from '../ConfigurationFile.js';

/** metrics.json: the port of the HTTP server for Prometheus metrics and the health endpoints. */
export const metricsFile: ConfigurationFile<{ readonly port: number }> = {
    name: 'metrics.json',
    schemaName: 'metrics.schema.json',
    documentedAsRequired: false,
    defaultDescription: 'the port 9700',
    defaultContent: { port: 9700 },
    read: (content) => ({ port: (content as { readonly port?: number }).port ?? 9700 }),
};
