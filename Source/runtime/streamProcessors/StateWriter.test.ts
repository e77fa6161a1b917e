import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aSilentLogger } from '../eventStore/given/aSilentLogger.js';
import { EventStoreIsUnavailable } from '../eventStore/EventStoreIsUnavailable.js';
import { defineLogMessages } from '../logging/index.js';
import type { StreamProcessorState } from '../streams/index.js';
import { eventsHandedAgainAtMost } from './eventsHandedAgainAtMost.js';
import { StateWriter } from './StateWriter.js';
import { StorageFailureLog } from './StorageFailureLog.js';

const messages = defineLogMessages({
    unavailable: { level: 'warn', message: 'unavailable' },
    available: { level: 'info', message: 'available again' },
    failed: { level: 'error', message: 'failed' },
});

const at = (position: number): StreamProcessorState => ({ partitioned: false, position, lastSuccessfullyProcessed: position, failure: undefined });

/** A writer over a store that records every position stored; `held` keeps each write waiting until `answerWrites`. */
function aWriter(options: { readonly fail?: (written: number) => Error | undefined; readonly held?: boolean } = {}) {
    const written: number[] = [];
    let writesUnderWay = 0;
    let mostUnderWay = 0;
    const held: Array<() => void> = [];
    const writer = new StateWriter(at(0), {
        save: async (state) => {
            writesUnderWay++;
            mostUnderWay = Math.max(mostUnderWay, writesUnderWay);
            try {
                if (options.held === true) {
                    await new Promise<void>((resolve) => held.push(resolve));
                }
                const failure = options.fail?.(written.length);
                if (failure !== undefined) {
                    throw failure;
                }
                written.push(state.position);
            } finally {
                writesUnderWay--;
            }
        },
        failures: new StorageFailureLog(aSilentLogger(), messages),
        signal: new AbortController().signal,
    });
    const answerWrites = () => held.splice(0).forEach((resolve) => resolve());
    return { writer, written, answerWrites, mostUnderWay: () => mostUnderWay };
}

/** Lets the promises settle that are waiting on writes already answered. */
const settled = () => vi.advanceTimersByTimeAsync(0);

describe('when a stream processor writes its state through a state writer', () => {
    beforeEach(() => {
        vi.useFakeTimers();
    });
    afterEach(() => {
        vi.useRealTimers();
    });

    describe('and it moves on by fewer than 50 positions', () => {
        it('writes nothing at once', async () => {
            const { writer, written } = aWriter();
            for (let position = 1; position < 50; position++) {
                writer.update(at(position));
            }
            await settled();
            expect(written).toEqual([]);
        });

        it('writes the newest state once, 100 ms after the first change', async () => {
            const { writer, written } = aWriter();
            for (let position = 1; position < 50; position++) {
                writer.update(at(position));
            }
            await vi.advanceTimersByTimeAsync(99);
            const before = [...written];
            await vi.advanceTimersByTimeAsync(1);
            expect([before, written, writer.storedPosition]).toEqual([[], [49], 49]);
        });
    });

    describe('and it moves on by 50 positions', () => {
        it('writes the newest state at once, in one write', async () => {
            const { writer, written } = aWriter();
            for (let position = 1; position <= 50; position++) {
                writer.update(at(position));
            }
            await settled();
            expect(written).toEqual([50]);
        });
    });

    describe('and it moves on while a write is under way', () => {
        it('keeps one write under way at a time and then writes the newest state', async () => {
            const { writer, written, answerWrites, mostUnderWay } = aWriter({ held: true });
            for (let position = 1; position <= 120; position++) {
                writer.update(at(position));
            }
            const flushed = writer.flush();
            for (let answered = 0; answered < 3; answered++) {
                await settled();
                answerWrites();
            }
            await flushed;
            expect([written, mostUnderWay()]).toEqual([[50, 120], 1]);
        });
    });

    describe('and it is flushed (on a failure, a stop, an edit or before a re-read)', () => {
        it('writes the newest state at once and resolves once it is stored', async () => {
            const { writer, written } = aWriter();
            writer.update(at(3));
            await writer.flush();
            expect([written, writer.storedPosition]).toEqual([[3], 3]);
        });

        it('writes nothing when the newest state is stored already', async () => {
            const { writer, written } = aWriter();
            await writer.write(at(3));
            await writer.flush();
            expect(written).toEqual([3]);
        });
    });

    describe('and a state older than the newest comes after it', () => {
        it('keeps and writes the newer one', async () => {
            const { writer, written } = aWriter();
            writer.update(at(7));
            writer.update(at(4));
            await writer.flush();
            expect([written, writer.latest.position]).toEqual([[7], 7]);
        });
    });

    describe('and an operator stored a state of their own (a replay from an earlier position)', () => {
        it('takes it as the newest and the stored one, without writing it again', async () => {
            const { writer, written } = aWriter();
            await writer.write(at(30));
            writer.stored(at(2));
            await writer.flush();
            expect([written, writer.latest.position, writer.storedPosition]).toEqual([[30], 2, 2]);
        });
    });

    describe('and an event is 100 positions past the stored position', () => {
        it('may not be handed until the position is written', async () => {
            const { writer } = aWriter();
            writer.update(at(eventsHandedAgainAtMost - 10));
            const before = [writer.mayHand(eventsHandedAgainAtMost - 1), writer.mayHand(eventsHandedAgainAtMost)];
            await writer.flush();
            expect([before, writer.mayHand(eventsHandedAgainAtMost)]).toEqual([[true, false], true]);
        });
    });

    describe('and the store is unavailable for the first write', () => {
        it('writes it again until it is stored', async () => {
            let tried = false;
            const failOnce = () => {
                if (tried) {
                    return undefined;
                }
                tried = true;
                return new EventStoreIsUnavailable('down on purpose');
            };
            const { writer, written } = aWriter({ fail: failOnce });
            writer.update(at(5));
            const flushed = writer.flush();
            await vi.advanceTimersByTimeAsync(1_000);
            await flushed;
            expect([tried, written]).toEqual([true, [5]]);
        });
    });

    describe('and a write fails with another error', () => {
        it('throws it from the next update', async () => {
            const { writer } = aWriter({ fail: () => new Error('disk full on purpose') });
            for (let position = 1; position <= 50; position++) {
                writer.update(at(position));
            }
            await settled();
            expect(() => writer.update(at(51))).toThrow('disk full on purpose');
        });
    });
});
