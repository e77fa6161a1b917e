import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListeningPortsReport, reportListeningPorts, type ListeningPorts } from '../../Source/runtime/host/given/listeningPorts.js';
import { storeNameOf, tortureIdentifiers } from '../identifiers.js';

/** The built Runtime (`npm run build` writes it). */
const builtRuntimeMain = fileURLToPath(new URL('../../Source/runtime/dist/main.js', import.meta.url));
const readinessTimeout = 120_000;

/** A Runtime of the run: started, killed and started again on the same configuration and stores. */
type RunningProcess = { readonly child: ChildProcess; readonly ports: ListeningPortsReport; readonly exited: Promise<string> };

/**
 * The Runtime under torture, as a child process with the run's three tenants. It binds port 0, so each start gets new
 * ports: `address` is the current one, or undefined while it is down. Its output goes to a log file in the run folder.
 */
export class TortureRuntime {
    readonly #folder: string;
    readonly #storeArguments: ReadonlyArray<string>;
    readonly #main: string;
    readonly #log: WriteStream;
    #running: RunningProcess | undefined;
    #starts = 0;

    private constructor(folder: string, storeArguments: ReadonlyArray<string>, name: string, main: string) {
        this.#folder = folder;
        this.#storeArguments = storeArguments;
        this.#main = main;
        this.#log = createWriteStream(join(folder, `${name}.log`), { flags: 'a' });
    }

    /**
     * Starts another Runtime on the configuration and stores of the one started in the folder, as an operator who
     * starts a second instance by mistake does; its output goes to `<name>.log`.
     */
    static async startAnother(folder: string, storeArguments: ReadonlyArray<string>, name: string, main = builtRuntimeMain): Promise<TortureRuntime> {
        const runtime = new TortureRuntime(folder, storeArguments, name, main);
        await runtime.restart();
        return runtime;
    }

    /** Writes the configuration of three tenants into the folder and starts the Runtime (the repository's build unless `main` names another). */
    static async start(folder: string, storeArguments: ReadonlyArray<string>, main = builtRuntimeMain): Promise<TortureRuntime> {
        if (!existsSync(main)) {
            throw new Error(`The Runtime is not built: ${main} does not exist. Run 'npm run build' first.`);
        }
        const configuration = join(folder, 'configuration');
        await mkdir(configuration, { recursive: true });
        const files: Record<string, unknown> = {
            'tenants.json': Object.fromEntries(tortureIdentifiers.tenants.map((tenant) => [tenant, {}])),
            'resources.json': Object.fromEntries(tortureIdentifiers.tenants.map((tenant, index) => [tenant, { eventStore: { servers: ['localhost'], database: storeNameOf(index) } }])),
            'endpoints.json': { public: { port: 0 }, private: { port: 0 }, management: { port: 0 } },
            'metrics.json': { Port: 0 },
        };
        for (const [name, content] of Object.entries(files)) {
            await writeFile(join(configuration, name), JSON.stringify(content, undefined, 4));
        }
        const runtime = new TortureRuntime(folder, storeArguments, 'runtime', main);
        await runtime.restart();
        return runtime;
    }

    /** The private endpoint heads and writers call, while the Runtime runs and is ready. */
    get address(): string | undefined {
        const ports = this.#running?.ports.ports;
        return ports === undefined ? undefined : `127.0.0.1:${ports.privatePort}`;
    }

    /** How many times the Runtime was started. */
    get starts(): number {
        return this.#starts;
    }

    /** Kills the Runtime with SIGKILL, as a crash does, and waits until it is gone. */
    async kill(): Promise<void> {
        const running = this.#running;
        this.#running = undefined;
        if (running !== undefined) {
            running.child.kill('SIGKILL');
            await running.exited;
        }
    }

    /** Stops the Runtime with SIGTERM and waits until it is gone. */
    async stop(): Promise<void> {
        const running = this.#running;
        this.#running = undefined;
        if (running !== undefined) {
            running.child.kill('SIGTERM');
            const killLater = setTimeout(() => running.child.kill('SIGKILL'), 20_000);
            await running.exited;
            clearTimeout(killLater);
        }
        this.#log.end();
    }

    /** Starts the Runtime (again) and waits until it answers ready. */
    async restart(): Promise<void> {
        await this.kill();
        this.#starts += 1;
        const child = spawn(
            process.execPath,
            [this.#main, '--configuration', join(this.#folder, 'configuration'), '--data', join(this.#folder, 'data'), ...this.#storeArguments, ...reportListeningPorts, '--log-level', 'warn'],
            { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        const ports = new ListeningPortsReport();
        let partial = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
            const lines = (partial + chunk).split('\n');
            partial = lines.pop() ?? '';
            lines.forEach((line) => ports.read(line));
        });
        child.stdout.pipe(this.#log, { end: false });
        child.stderr.pipe(this.#log, { end: false });
        const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal === null ? `exit code ${code}` : `signal ${signal}`)));
        const killOnExit = () => child.kill('SIGKILL');
        process.once('exit', killOnExit);
        void exited.then(() => process.off('exit', killOnExit));
        const starting: RunningProcess = { child, ports, exited };
        await waitUntilReady(starting, this.#starts);
        this.#running = starting;
    }
}

async function waitUntilReady(starting: RunningProcess, start: number): Promise<void> {
    const deadline = Date.now() + readinessTimeout;
    let ended: string | undefined;
    void starting.exited.then((how) => {
        ended = how;
    });
    for (;;) {
        if (ended !== undefined) {
            throw new Error(`The Runtime (start ${start}) ended before it was ready (${ended}); see runtime.log in the run folder`);
        }
        const ports: ListeningPorts | undefined = starting.ports.ports;
        if (ports !== undefined && (await readyStatus(ports.httpPort)) === 200) {
            return;
        }
        if (Date.now() > deadline) {
            throw new Error(`The Runtime (start ${start}) was not ready within ${readinessTimeout} ms; see runtime.log in the run folder`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

function readyStatus(port: number): Promise<number> {
    return new Promise((resolve) => {
        const call = request({ host: '127.0.0.1', port, path: '/readyz', timeout: 2_000 }, (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
        });
        call.on('error', () => resolve(0));
        call.on('timeout', () => call.destroy());
        call.end();
    });
}
