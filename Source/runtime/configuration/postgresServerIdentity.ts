/**
 * What identifies the database a connection string points at, so two tenants can be found sharing a schema even
 * when their connection strings differ in user, password or options. Only compared, never shown.
 */
export function postgresServerIdentity(connectionString: string): string {
    try {
        const url = new URL(connectionString);
        const host = url.searchParams.get('host') ?? (url.hostname === '' ? 'localhost' : url.hostname);
        const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username) || 'postgres';
        return `${host.toLowerCase()}:${url.port === '' ? '5432' : url.port}/${database}`;
    } catch {
        return connectionString;
    }
}
