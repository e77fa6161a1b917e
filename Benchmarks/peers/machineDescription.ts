import { cpus, loadavg, totalmem, release, platform } from 'node:os';
import pg from 'pg';

/** The load average (1, 5, 15 minutes), as uptime prints it. */
export function loadAverage(): string {
    return loadavg().map((load) => load.toFixed(2)).join(', ');
}

/** The machine, Node and the PostgreSQL server the comparison runs on, one line each. */
export async function machineDescription(postgresServer: string): Promise<string> {
    const processors = cpus();
    let postgres = 'unreachable';
    const client = new pg.Client({ connectionString: postgresServer });
    try {
        await client.connect();
        postgres = ((await client.query<{ version: string }>('SELECT version()')).rows[0]?.version ?? 'unknown').split(',')[0]!;
    } catch (error) {
        postgres = `unreachable (${error instanceof Error ? error.message : String(error)})`;
    } finally {
        await client.end().catch(() => undefined);
    }
    return [
        `machine: ${processors.length} × ${processors[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}`,
        `node: ${process.version}`,
        `PostgreSQL: ${postgres}`,
        `load average: ${loadAverage()}`,
    ].join('\n');
}
