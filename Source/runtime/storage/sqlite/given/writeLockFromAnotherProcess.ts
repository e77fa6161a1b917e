import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** A write lock on an embedded database held by another process, until released. */
export type HeldWriteLock = {
    /** Ends the other process's transaction (nothing written) and waits until the process has exited. */
    release(): Promise<void>;
};

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Makes the embedded database unavailable for writing as an operator's `sqlite3` shell or a backup tool would: another
 * process opens the file and holds its write lock in an open transaction. Readers still read (the file is in WAL
 * mode); every write, and the Runtime's commits, get SQLITE_BUSY until the lock is released. Resolves once the lock is
 * held. The process ends with the test worker at the latest.
 */
export async function writeLockFromAnotherProcess(file: string): Promise<HeldWriteLock> {
    const script = `
        const Database = require(${JSON.stringify(driver)});
        const database = new Database(${JSON.stringify(file)});
        database.exec('BEGIN IMMEDIATE');
        process.stdout.write('locked\\n');
        process.stdin.on('data', () => undefined);
        process.stdin.on('end', () => { database.exec('ROLLBACK'); database.close(); process.exit(0); });
    `;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    await new Promise<void>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('locked') && resolve());
        void exited.then(() => reject(new Error(`The process meant to lock ${file} ended before it held the lock: ${errors}`)));
    });
    return {
        release: async () => {
            child.stdin.end();
            await exited;
            process.off('exit', killOnExit);
        },
    };
}
