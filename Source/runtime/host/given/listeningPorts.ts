/** The ports a Runtime reported it listens on (it binds port 0 when told to, so only it knows them). */
export type ListeningPorts = {
    readonly privatePort: number;
    readonly publicPort: number;
    readonly managementPort: number;
    readonly httpPort: number;
};

/** The endpoints a Runtime names in its "Listening" log lines (host/logMessages.ts), with the port property each fills. */
const portPropertyOf = { private: 'privatePort', public: 'publicPort', management: 'managementPort', http: 'httpPort' } as const;

/**
 * The command-line arguments that make the Runtime report its ports in a form the harness reads: JSON lines, and the
 * host's category at info level whatever `--log-level` says. Give them before other `--log` options: of two levels
 * for the same prefix the first counts.
 */
export const reportListeningPorts: ReadonlyArray<string> = ['--log-format', 'json', '--log', 'runtime.host=info'];

/**
 * Collects the ports from the Runtime's JSON log lines as they come: each "Listening" line of the host names an
 * endpoint and the port it bound. Complete once the HTTP, private, public and management endpoints have all been reported.
 */
export class ListeningPortsReport {
    readonly #ports: { privatePort?: number; publicPort?: number; managementPort?: number; httpPort?: number } = {};

    /** Takes one line the Runtime wrote; lines that are not a "Listening" report are ignored. */
    read(line: string): void {
        if (!line.includes('"Listening"')) {
            return;
        }
        let parsed: unknown;
        try {
            parsed = JSON.parse(line);
        } catch {
            return;
        }
        if (typeof parsed !== 'object' || parsed === null) {
            return;
        }
        const { msg, endpoint, port } = parsed as Record<string, unknown>;
        if (msg === 'Listening' && typeof endpoint === 'string' && endpoint in portPropertyOf && typeof port === 'number') {
            this.#ports[portPropertyOf[endpoint as keyof typeof portPropertyOf]] = port;
        }
    }

    /** The four ports, once all have been reported; undefined before. */
    get ports(): ListeningPorts | undefined {
        const { privatePort, publicPort, managementPort, httpPort } = this.#ports;
        return privatePort === undefined || publicPort === undefined || managementPort === undefined || httpPort === undefined
            ? undefined
            : { privatePort, publicPort, managementPort, httpPort };
    }
}
