import type { MeasurementWindow } from '../../measurement/measureWorkers.js';
import { preciseNow } from '../../measurement/preciseNow.js';

/**
 * Runs `writers` loops of `operation(writer)` (each resolving with the events it wrote) through a warm-up and a
 * measured window, and returns the events per second completed inside the measured window. Unlike measureWorkers, each
 * loop knows its index, so that a writer keeps to streams of its own.
 */
export async function measureWriters(window: MeasurementWindow, writers: number, operation: (writer: number) => Promise<number>): Promise<number> {
    const measureFrom = preciseNow() + window.warmupMilliseconds;
    const measureUntil = measureFrom + window.measureMilliseconds;
    let units = 0;
    const loop = async (writer: number) => {
        while (preciseNow() < measureUntil) {
            const done = await operation(writer);
            const ended = preciseNow();
            if (ended >= measureFrom && ended < measureUntil) {
                units += done;
            }
        }
    };
    await Promise.all(Array.from({ length: writers }, (_, writer) => loop(writer)));
    return units / (window.measureMilliseconds / 1_000);
}
