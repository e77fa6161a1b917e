import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListeningPortsReport, reportListeningPorts, type ListeningPorts } from '../../Source/runtime/host/given/listeningPorts.js';
import { consentOf, consumerStoreNameOf, storeNameOf, tortureIdentifiers } from '../identifiers.js';

/** The built Runtime (`npm run build` writes it). */
const builtRuntimeMain = fileURLToPath(new URL('../../Source/runtime/dist/main.js', import.meta.url));
const readinessTimeout = 120_000;

/** Endpoints on ports the system picks (the Runtime reports them). */
const portsOfTheSystem = { public: { port: 0 }, private: { port: 0 }, management: { port: 0 } };

/** A resources.json whose tenants' stores are named by their index. */
function resourcesNamed(nameOf: (tenantIndex: number) => string): Record<string, unknown> {
    return Object.fromEntries(tortureIdentifiers.tenants.map((tenant, index) => [tenant, { eventStore: { servers: ['localhost'], database: nameOf(index) } }]));
}

/** A Runtime of the run: started, killed and started again on the same configuration and stores. */
type RunningProcess = { readonly child: ChildProcess; readonly ports: ListeningPortsReport; readonly exited: Promise<string> };

/**
 * A Runtime of the torture run, as a child process with the run's three tenants: the producer under torture, the
 * Event Horizon consumer, or a second one on the producer's stores. `address` is its private endpoint, or undefined
 * while it is down. Its output goes to a log file in the run folder.
 */
export class TortureRuntime {
    readonly #configuration: string;
    readonly #data: string;
    readonly #storeArguments: ReadonlyArray<string>;
    readonly #main: string;
    readonly #log: WriteStream;
    #running: RunningProcess | undefined;
    #starts = 0;

    private constructor(configuration: string, data: string, storeArguments: ReadonlyArray<string>, name: string, logFolder: string, main: string) {
        this.#configuration = configuration;
        this.#data = data;
        this.#storeArguments = storeArguments;
        this.#main = main;
        this.#log = createWriteStream(join(logFolder, `${name}.log`), { flags: 'a' });
    }

    /**
     * Starts another Runtime on the stores of the one started in the folder, as an operator who starts a second
     * instance by mistake does (with its own ports); its output goes to `<name>.log`.
     */
    static async startAnother(folder: string, storeArguments: ReadonlyArray<string>, name: string, main = builtRuntimeMain): Promise<TortureRuntime> {
        const configuration = join(folder, 'configuration-another');
        await mkdir(configuration, { recursive: true });
        for (const file of await readdir(join(folder, 'configuration'))) {
            await copyFile(join(folder, 'configuration', file), join(configuration, file));
        }
        await writeFile(join(configuration, 'endpoints.json'), JSON.stringify(portsOfTheSystem));
        await writeFile(join(configuration, 'metrics.json'), JSON.stringify({ Port: 0 }));
        const runtime = new TortureRuntime(configuration, join(folder, 'data'), storeArguments, name, folder, main);
        await runtime.restart();
        return runtime;
    }

    /**
     * Writes the configuration of the producer microservice with three tenants into the folder (each tenant consents to
     * the consumer microservice's subscription of its public partition) and starts its Runtime (the repository's build
     * unless `main` names another). Its first start binds free ports, which it keeps for every restart.
     */
    static async start(folder: string, storeArguments: ReadonlyArray<string>, main = builtRuntimeMain): Promise<TortureRuntime> {
        const consents = Object.fromEntries(tortureIdentifiers.tenants.map((tenant, index) => [
            tenant,
            [{ microservice: tortureIdentifiers.consumerMicroservice, tenant, stream: tortureIdentifiers.publicFilter, partition: tortureIdentifiers.publicPartition, consent: consentOf(index) }],
        ]));
        const runtime = await TortureRuntime.#startWith(folder, '', 'runtime', tortureIdentifiers.microservice, storeArguments, main, {
            'resources.json': resourcesNamed(storeNameOf),
            'event-horizon-consents.json': consents,
        });
        await runtime.#keepPorts();
        return runtime;
    }

    /**
     * Writes the configuration of the consumer microservice (same tenants, stores of its own, the producer's public
     * port) into the `consumer` sub-folder and starts its Runtime, which keeps its ports for every restart.
     */
    static async startConsumer(folder: string, producerPublicPort: number, storeArguments: ReadonlyArray<string>, main = builtRuntimeMain): Promise<TortureRuntime> {
        const runtime = await TortureRuntime.#startWith(folder, 'consumer', 'consumer-runtime', tortureIdentifiers.consumerMicroservice, storeArguments, main, {
            'resources.json': resourcesNamed(consumerStoreNameOf),
            'microservices.json': { [tortureIdentifiers.microservice]: { host: '127.0.0.1', port: producerPublicPort } },
        });
        await runtime.#keepPorts();
        return runtime;
    }

    static async #startWith(folder: string, subFolder: string, name: string, microservice: string, storeArguments: ReadonlyArray<string>, main: string, files: Readonly<Record<string, unknown>>): Promise<TortureRuntime> {
        if (!existsSync(main)) {
            throw new Error(`The Runtime is not built: ${main} does not exist. Run 'npm run build' first.`);
        }
        const configuration = join(folder, subFolder, 'configuration');
        await mkdir(configuration, { recursive: true });
        const all: Record<string, unknown> = {
            'tenants.json': Object.fromEntries(tortureIdentifiers.tenants.map((tenant) => [tenant, {}])),
            'endpoints.json': portsOfTheSystem,
            'metrics.json': { Port: 0 },
            'bounded-context.json': { application: tortureIdentifiers.application, boundedContext: microservice, boundedContextName: name },
            ...files,
        };
        for (const [file, content] of Object.entries(all)) {
            await writeFile(join(configuration, file), JSON.stringify(content, undefined, 4));
        }
        const runtime = new TortureRuntime(configuration, join(folder, subFolder, 'data'), storeArguments, name, folder, main);
        await runtime.restart();
        return runtime;
    }

    /** Writes the ports of the running Runtime into its endpoints.json, so that a restart binds the same ones. */
    async #keepPorts(): Promise<void> {
        const ports = this.#running?.ports.ports;
        if (ports === undefined) {
            throw new Error('The Runtime reported no ports');
        }
        await writeFile(join(this.#configuration, 'endpoints.json'), JSON.stringify({ public: { port: ports.publicPort }, private: { port: ports.privatePort }, management: { port: ports.managementPort } }));
        await writeFile(join(this.#configuration, 'metrics.json'), JSON.stringify({ Port: ports.httpPort }));
    }

    /** The Runtime's public endpoint's port, while it runs. */
    get publicPort(): number | undefined {
        return this.#running?.ports.ports?.publicPort;
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
            [this.#main, '--configuration', this.#configuration, '--data', this.#data, ...this.#storeArguments, ...reportListeningPorts, '--log-level', 'warn'],
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
