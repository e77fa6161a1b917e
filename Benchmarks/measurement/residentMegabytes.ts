import { readFileSync } from 'node:fs';

/** The resident set size of a process (VmRSS in /proc/<pid>/status), in megabytes; NaN when it cannot be read. */
export function residentMegabytes(pid: number | undefined): number {
    if (pid === undefined) {
        return Number.NaN;
    }
    try {
        const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
        const kilobytes = Number(line?.replace(/[^0-9]/g, '') ?? Number.NaN);
        return kilobytes / 1024;
    } catch {
        return Number.NaN;
    }
}
