/**
 * The wall-clock time in milliseconds with sub-millisecond precision, comparable between processes on one machine
 * (each process's high-resolution clock is anchored to the wall clock at its start).
 */
export function preciseNow(): number {
    return performance.timeOrigin + performance.now();
}
