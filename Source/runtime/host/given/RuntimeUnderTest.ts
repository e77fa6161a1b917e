/** A Runtime running as a child process for an end-to-end test, on the ports it bound (it is told port 0 and reports them), with its own configuration and data folders. */
export type RuntimeUnderTest = {
    /** The address the test reaches the Runtime at (127.0.0.1 unless it runs in a network namespace). */
    readonly address: string;
    /** The port SDK clients connect to. */
    readonly privatePort: number;
    /** The port other Runtimes connect to. */
    readonly publicPort: number;
    /** The port of the management API (the `dolittle` CLI's). */
    readonly managementPort: number;
    /** The port of `/healthz`, `/readyz` and `/metrics`. */
    readonly httpPort: number;
    /** The tenants written to tenants.json. */
    readonly tenants: ReadonlyArray<string>;
    readonly configurationFolder: string;
    readonly dataFolder: string;
    /** Tells whether the process is running. */
    isRunning(): boolean;
    /** How the last run ended ("exit code 0", "signal SIGKILL"), or '' while it runs. */
    exitDescription(): string;
    /** Asks the Runtime to shut down (SIGTERM) and waits for it to exit, killing it if it takes longer than 15 seconds. */
    stop(): Promise<void>;
    /** Sends a signal (SIGKILL unless told) and waits for the process to exit. */
    kill(signal?: NodeJS.Signals): Promise<void>;
    /** Starts the Runtime again on the same ports, configuration and data, and waits until it is ready. */
    restart(): Promise<void>;
    /** Everything the Runtime wrote to standard output and standard error, over all its runs. */
    logs(): string;
    /** The HTTP status `GET /healthz` answers now, or undefined when nothing answers. */
    liveness(): Promise<number | undefined>;
    /** Stops the Runtime and deletes its folders. */
    dispose(): Promise<void>;
};
