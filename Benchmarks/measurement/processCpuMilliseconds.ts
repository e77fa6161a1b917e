import { readFileSync } from 'node:fs';

// Linux reports process times in clock ticks; USER_HZ is 100 on every mainstream kernel build.
const millisecondsPerTick = 10;

/** The CPU time (user + system) a process has used so far, from /proc; undefined where /proc is not there. */
export function processCpuMilliseconds(pid: number | undefined): number | undefined {
    if (pid === undefined) {
        return undefined;
    }
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // The fields after the command name (which may hold spaces) start after its closing parenthesis.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) * millisecondsPerTick;
    } catch {
        return undefined;
    }
}
