import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePorts } from '../../../host/given/freePorts.js';

const run = promisify(execFile);

/** A PostgreSQL server of a test's own (its own data folder and port), which the test may stop, kill and start. */
export type ThrowAwayPostgresServer = {
    /** Connects as the superuser `postgres` (trust authentication) to the database `postgres` over TCP. */
    readonly connectionString: string;
    /** The TCP port it listens on (127.0.0.1), the same after every start. */
    readonly port: number;
    /** The folder of its Unix socket, for a second spelling of the same server. */
    readonly socketFolder: string;
    /** Tells whether the server was started and not stopped since. */
    readonly running: boolean;
    /**
     * Stops the server: `immediate` ends every backend at once without a checkpoint, as a crash does (the server
     * recovers from its write-ahead log on the next start); `fast` ends sessions and checkpoints.
     */
    stop(mode?: 'immediate' | 'fast'): Promise<void>;
    /** Starts the stopped server again on the same port and data, waiting until it accepts connections. */
    start(): Promise<void>;
    /** Stops the server and removes its data. */
    dispose(): Promise<void>;
};

/** A throw-away server, or why none could be made (the tests skip outside CI). */
export type ThrowAwayPostgresForTests =
    | { readonly available: true; readonly server: ThrowAwayPostgresServer }
    | { readonly available: false; readonly reason: string };

const startAttempts = 3;

/**
 * Makes a PostgreSQL server for one test file with the binaries installed on the machine (initdb into a temporary
 * folder, pg_ctl on a free port), for tests that stop the database under the Runtime. The machine's own server is
 * never touched. As the root user, the server runs as the user `postgres` (initdb refuses root); the binaries are
 * found in DOLITTLE_TEST_POSTGRES_BINARIES, else the newest /usr/lib/postgresql/<version>/bin, else `pg_config
 * --bindir`. When no server can be made, the run fails on CI (CI=true) and elsewhere says so loudly and the file
 * skips, as postgresForTests does. The caller disposes of the server after its tests.
 *
 * @example
 * const throwAway = await throwAwayPostgresServer(import.meta.url);
 * describe.skipIf(!throwAway.available)('when the database stops', () => { ... });
 */
export async function throwAwayPostgresServer(testFileUrl: string): Promise<ThrowAwayPostgresForTests> {
    const testFile = fileURLToPath(testFileUrl);
    try {
        return { available: true, server: await createServer() };
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (process.env['CI'] === 'true') {
            throw new Error(`A throw-away PostgreSQL server could not be made, so ${testFile} cannot run on CI: ${reason}`, { cause: error });
        }
        console.warn(banner(`A throw-away PostgreSQL server could not be made (${reason}): SKIPPING the tests in ${testFile} that need one`));
        return { available: false, reason };
    }
}

async function createServer(): Promise<ThrowAwayPostgresServer> {
    const binaries = findBinaries();
    const owner = serverOwner();
    const root = mkdtempSync(join(tmpdir(), 'dolittle-postgres-'));
    const dataFolder = join(root, 'data');
    const log = join(root, 'server.log');
    const asOwner = (program: string, argumentList: ReadonlyArray<string>) =>
        owner === undefined
            ? run(join(binaries, program), [...argumentList])
            : run('runuser', ['-u', owner.name, '--', join(binaries, program), ...argumentList]);
    if (owner !== undefined) {
        chownSync(root, owner.uid, owner.gid);
    }
    let running = false;
    const stopNow = () => {
        if (running) {
            // The worker may end before dispose() runs: a server left behind would hold its port and folder.
            try {
                const command = owner === undefined ? [join(binaries, 'pg_ctl')] : ['runuser', '-u', owner.name, '--', join(binaries, 'pg_ctl')];
                execFileSync(command[0]!, [...command.slice(1), '-D', dataFolder, '-m', 'immediate', '-w', 'stop'], { stdio: 'ignore' });
            } catch {
                // It was stopped already.
            }
        }
    };
    process.once('exit', stopNow);
    try {
        await asOwner('initdb', ['-D', dataFolder, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    } catch (error) {
        rmSync(root, { recursive: true, force: true });
        throw new Error(`initdb failed: ${describe(error)}`, { cause: error });
    }
    const startOn = (port: number) =>
        asOwner('pg_ctl', [
            '-D', dataFolder, '-l', log, '-w', '-t', '60', '-o',
            `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root}`,
            'start',
        ]);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
        // The free port may be taken before the server binds it; another one is tried then.
        port = (await freePorts(1))[0]!;
        try {
            await startOn(port);
            running = true;
            break;
        } catch (error) {
            if (attempt >= startAttempts) {
                process.off('exit', stopNow);
                rmSync(root, { recursive: true, force: true });
                throw new Error(`pg_ctl start failed ${startAttempts} times, last on port ${port}: ${describe(error)}\n${readLog(log)}`, { cause: error });
            }
        }
    }
    return {
        connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
        port,
        socketFolder: root,
        get running() {
            return running;
        },
        stop: async (mode = 'immediate') => {
            if (!running) {
                return;
            }
            await asOwner('pg_ctl', ['-D', dataFolder, '-m', mode, '-w', '-t', '60', 'stop']);
            running = false;
        },
        start: async () => {
            if (running) {
                return;
            }
            try {
                await startOn(port);
            } catch (error) {
                throw new Error(`The throw-away PostgreSQL server did not start again on port ${port}: ${describe(error)}\n${readLog(log)}`, { cause: error });
            }
            running = true;
        },
        dispose: async () => {
            stopNow();
            running = false;
            process.off('exit', stopNow);
            rmSync(root, { recursive: true, force: true });
        },
    };
}

function findBinaries(): string {
    const configured = process.env['DOLITTLE_TEST_POSTGRES_BINARIES'];
    if (configured !== undefined) {
        return configured;
    }
    const installed = '/usr/lib/postgresql';
    if (existsSync(installed)) {
        const newest = readdirSync(installed)
            .filter((version) => existsSync(join(installed, version, 'bin', 'initdb')))
            .sort((first, second) => Number(second) - Number(first))[0];
        if (newest !== undefined) {
            return join(installed, newest, 'bin');
        }
    }
    try {
        return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    } catch {
        throw new Error('no PostgreSQL binaries were found (set DOLITTLE_TEST_POSTGRES_BINARIES to the folder of initdb and pg_ctl)');
    }
}

/** initdb refuses to run as root, so root runs the server as `postgres`; anyone else runs it as themselves. */
function serverOwner(): { readonly name: string; readonly uid: number; readonly gid: number } | undefined {
    if (process.getuid?.() !== 0) {
        return undefined;
    }
    try {
        const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
        const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
        return { name: 'postgres', uid, gid };
    } catch {
        throw new Error('the tests run as root, and there is no user postgres to run the server as');
    }
}

function readLog(file: string): string {
    try {
        return `The server's log:\n${readFileSync(file, 'utf8').split('\n').slice(-30).join('\n')}`;
    } catch {
        return '(the server wrote no log)';
    }
}

function describe(error: unknown): string {
    const stderr = typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr).trim() : '';
    const message = error instanceof Error ? error.message : String(error);
    return stderr === '' ? message : `${message} (${stderr})`;
}

function banner(message: string): string {
    const line = '!'.repeat(100);
    return `\n${line}\n!!! ${message}\n${line}\n`;
}
