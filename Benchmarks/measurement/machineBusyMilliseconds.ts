import { readFileSync } from 'node:fs';

const millisecondsPerTick = 10;

/** The CPU time all cores of the machine spent busy (not idle, not waiting for I/O) so far, from /proc; undefined elsewhere. */
export function machineBusyMilliseconds(): number | undefined {
    try {
        const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
        const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
        return (user + nice + system + irq + softirq + steal) * millisecondsPerTick;
    } catch {
        return undefined;
    }
}
