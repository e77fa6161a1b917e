import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { ListeningPortsReport, reportListeningPorts, type ListeningPorts } from '../../Source/runtime/host/given/listeningPorts.js';

/** The built Runtime (`npm run build` writes it). */
const builtRuntimeMain = fileURLToPath(new URL('../../Source/runtime/dist/main.js', import.meta.url));
const readinessTimeout = 60_000;
const keptOutputCharacters = 200_000;

/** How to start the Runtime for a benchmark. */
export type BenchmarkRuntimeOptions = {
    /** A fresh folder for the configuration and the data. */
    readonly folder: string;
    /** Command-line arguments that choose the backend, e.g. `--store postgres --postgres <url>`. */
    readonly storeArguments: ReadonlyArray<string>;
    /** When given, the Runtime runs with `--cpu-prof` and writes its profile into this folder when it stops. */
    readonly profileFolder?: string;
    /** More log levels (`<category prefix>=<level>`); everything else logs at warn. */
    readonly logLevels?: ReadonlyArray<string>;
    /** When given, everything the Runtime writes is also written to this file. */
    readonly outputFile?: string;
    /** The Runtime's main.js; the repository's build when left out. */
    readonly main?: string;
    /** The database (or, with --store postgres, the schema) of the tenant's event store; 'bench_store' when left out. */
    readonly database?: string;
    /** More configuration files by name (e.g. consents, microservices.json, bounded-context.json). */
    readonly files?: Readonly<Record<string, unknown>>;
};

/**
 * The Runtime as a child process, with one tenant whose event store is the database 'bench_store'. It binds port 0
 * and reports the ports it got, so no port is handed over free for someone else to take first.
 */
export class BenchmarkRuntime {
    readonly #child: ChildProcess;
    readonly #exited: Promise<string>;
    readonly #ports = new ListeningPortsReport();
    #output = '';

    private constructor(child: ChildProcess) {
        this.#child = child;
        let partialLine = '';
        child.stdout?.setEncoding('utf8');
        child.stdout?.on('data', (chunk: string) => {
            const lines = (partialLine + chunk).split('\n');
            partialLine = lines.pop() ?? '';
            lines.forEach((line) => this.#ports.read(line));
        });
        for (const stream of [child.stdout, child.stderr]) {
            stream?.setEncoding('utf8');
            stream?.on('data', (chunk: string) => {
                this.#output = (this.#output + chunk).slice(-keptOutputCharacters);
            });
        }
        this.#exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal === null ? `exit code ${code}` : `signal ${signal}`)));
        const killOnExit = () => child.kill('SIGKILL');
        process.once('exit', killOnExit);
        void this.#exited.then(() => process.off('exit', killOnExit));
    }

    /** Writes the configuration, starts the Runtime and waits until GET /readyz answers 200. */
    static async start(options: BenchmarkRuntimeOptions): Promise<BenchmarkRuntime> {
        const runtimeMain = options.main ?? builtRuntimeMain;
        if (!existsSync(runtimeMain)) {
            throw new Error(`The Runtime is not built: ${runtimeMain} does not exist. Run 'npm run build' first.`);
        }
        const configuration = join(options.folder, 'configuration');
        await mkdir(configuration, { recursive: true });
        const files: Record<string, unknown> = {
            'tenants.json': { [benchmarkIdentifiers.tenant]: {} },
            'resources.json': { [benchmarkIdentifiers.tenant]: { eventStore: { servers: ['localhost'], database: options.database ?? 'bench_store' } } },
            'endpoints.json': { public: { port: 0 }, private: { port: 0 }, management: { port: 0 } },
            'metrics.json': { Port: 0 },
            ...options.files,
        };
        for (const [name, content] of Object.entries(files)) {
            await writeFile(join(configuration, name), JSON.stringify(content, undefined, 4));
        }
        const profiling = options.profileFolder === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.profileFolder}`];
        const child = spawn(
            process.execPath,
            [
                ...profiling,
                runtimeMain,
                '--configuration', configuration,
                '--data', join(options.folder, 'data'),
                ...options.storeArguments,
                ...reportListeningPorts,
                '--log-level', 'warn',
                ...(options.logLevels ?? []).flatMap((level) => ['--log', level]),
            ],
            { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        if (options.outputFile !== undefined) {
            await mkdir(dirname(options.outputFile), { recursive: true });
            const file = createWriteStream(options.outputFile);
            child.stdout?.pipe(file);
            child.stderr?.pipe(file);
        }
        const runtime = new BenchmarkRuntime(child);
        await runtime.#waitUntilReady();
        return runtime;
    }

    /** The address SDK clients connect to (the private endpoint); known once the Runtime is ready. */
    get address(): string {
        return `127.0.0.1:${this.#reportedPorts().privatePort}`;
    }

    /** The public port (the Event Horizon's); known once the Runtime is ready. */
    get publicPort(): number {
        return this.#reportedPorts().publicPort;
    }

    /** The port of `/healthz`, `/readyz` and `/metrics`; known once the Runtime is ready. */
    get httpPort(): number {
        return this.#reportedPorts().httpPort;
    }

    #reportedPorts(): ListeningPorts {
        const ports = this.#ports.ports;
        if (ports === undefined) {
            throw new Error('The Runtime has not reported its ports yet');
        }
        return ports;
    }

    /** Resolves with how the Runtime ended (e.g. "signal SIGTERM") when it ends; stop() also ends it. */
    get ended(): Promise<string> {
        return this.#exited;
    }

    /** Rejects as soon as the Runtime ends while `work` runs, naming how it ended; otherwise settles as `work` does. */
    async whileRunning<Result>(work: Promise<Result>): Promise<Result> {
        const ended = this.#exited.then((description) => {
            throw new Error(`The Runtime ended (${description}) in the middle of a scenario. Its last output:\n${this.#output.slice(-5_000)}`);
        });
        return Promise.race([work, ended]);
    }

    /** The process id of the Runtime. */
    get pid(): number | undefined {
        return this.#child.pid;
    }

    /** What the Runtime wrote (the last part of it). */
    output(): string {
        return this.#output;
    }

    /** Stops the Runtime with SIGTERM (a graceful stop, which also writes a CPU profile) and waits for it. */
    async stop(): Promise<void> {
        if (this.#child.exitCode !== null || this.#child.signalCode !== null) {
            return;
        }
        this.#child.kill('SIGTERM');
        const timer = setTimeout(() => this.#child.kill('SIGKILL'), 20_000);
        await this.#exited;
        clearTimeout(timer);
    }

    async #waitUntilReady(): Promise<void> {
        const deadline = Date.now() + readinessTimeout;
        let exited: string | undefined;
        void this.#exited.then((description) => {
            exited = description;
        });
        while (Date.now() < deadline) {
            if (exited !== undefined) {
                throw new Error(`The Runtime ended (${exited}) before it was ready. Its output:\n${this.#output}`);
            }
            const ports: ListeningPorts | undefined = this.#ports.ports;
            if (ports !== undefined && (await statusOf(ports.httpPort, '/readyz')) === 200) {
                return;
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await this.stop();
        throw new Error(`The Runtime was not ready within ${readinessTimeout} ms. Its output:\n${this.#output}`);
    }
}

function statusOf(port: number, path: string): Promise<number | undefined> {
    return new Promise((resolve) => {
        const call = request({ host: '127.0.0.1', port, path, timeout: 1_000 }, (response) => {
            response.resume();
            resolve(response.statusCode);
        });
        call.on('error', () => resolve(undefined));
        call.on('timeout', () => call.destroy());
        call.end();
    });
}
