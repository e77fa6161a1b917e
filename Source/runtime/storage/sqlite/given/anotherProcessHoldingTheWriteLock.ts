import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** Another process that holds the write lock of an embedded database file until it is released. */
export type AnotherProcessHoldingTheWriteLock = {
    /** Commits the other process's empty transaction, which releases the lock, and waits until the process has ended. */
    release(): Promise<void>;
};

// Runs in the child: the driver's path and the file come as arguments. It answers 'locked' once BEGIN IMMEDIATE
// holds the lock, and commits and ends when anything arrives on its standard input (or the input closes).
const child = `
const Database = require(process.argv[1]);
const database = new Database(process.argv[2]);
database.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
const release = () => { database.exec('COMMIT'); database.close(); process.exit(0); };
process.stdin.once('data', release);
process.stdin.once('end', release);
`;

/** Starts a process that takes the write lock of the database file (BEGIN IMMEDIATE) and resolves once it holds it. */
export async function anotherProcessHoldingTheWriteLock(file: string): Promise<AnotherProcessHoldingTheWriteLock> {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const holder = spawn(process.execPath, ['-e', child, driver, file], { stdio: ['pipe', 'pipe', 'inherit'] });
    const ended = new Promise<void>((resolve, reject) => {
        holder.once('error', reject);
        holder.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`The process holding the write lock of ${file} ended with ${code}`))));
    });
    await new Promise<void>((resolve, reject) => {
        let output = '';
        holder.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes('locked')) {
                resolve();
            }
        });
        ended.then(() => reject(new Error(`The process meant to hold the write lock of ${file} ended before it took the lock`)), reject);
    });
    return {
        release: async () => {
            holder.stdin.end('release\n');
            await ended;
        },
    };
}
