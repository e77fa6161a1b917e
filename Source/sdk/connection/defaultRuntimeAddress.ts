import type { RuntimeAddress } from './RuntimeConnection.js';

/**
 * The Runtime a client connects to unless `withRuntimeOn` says otherwise: `DOLITTLE_RUNTIME_HOST` and
 * `DOLITTLE_RUNTIME_PORT` when set (so that a deployment, or a test, points unchanged tutorial code elsewhere), else
 * localhost:50053 as in SDK 17. Throws naming the variable when the port is not a port number.
 */
export function defaultRuntimeAddress(environment: Readonly<Record<string, string | undefined>> = process.env): RuntimeAddress {
    const host = environment['DOLITTLE_RUNTIME_HOST'] || 'localhost';
    const portText = environment['DOLITTLE_RUNTIME_PORT'] || '50053';
    const port = Number(portText);
    if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
        throw new RangeError(`DOLITTLE_RUNTIME_PORT is '${portText}': it must be a port number from 1 to 65535`);
    }
    return { host, port };
}
