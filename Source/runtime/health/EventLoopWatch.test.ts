import { describe, expect, it } from 'vitest';
import { EventLoopWatch } from './EventLoopWatch.js';

function watchWithClock() {
    let now = 1_000;
    const watch = new EventLoopWatch({ blockedAfter: 5_000, remembered: 10_000, interval: 500, clock: () => now });
    return { watch, advance: (milliseconds: number) => (now += milliseconds) };
}

describe('when the event loop turns on time', () => {
    const { watch, advance } = watchWithClock();
    for (let tick = 0; tick < 10; tick++) {
        advance(500);
        watch.tick();
    }
    it('is alive', () => expect(watch.liveness).toEqual({ alive: true }));
});

describe('when the event loop is slow but never blocked for seconds', () => {
    const { watch, advance } = watchWithClock();
    for (let tick = 0; tick < 10; tick++) {
        advance(3_000);
        watch.tick();
    }
    it('is alive', () => expect(watch.liveness.alive).toBe(true));
});

describe('when one turn of the event loop took longer than the limit', () => {
    const { watch, advance } = watchWithClock();
    advance(7_000);
    watch.tick();
    const justAfter = watch.liveness;
    advance(500);
    watch.tick();
    const stillRemembered = watch.liveness;
    for (let tick = 0; tick < 21; tick++) {
        advance(500);
        watch.tick();
    }
    it('is not alive, saying how long it was blocked', () => expect(justAfter).toEqual({ alive: false, reason: 'the event loop was blocked for 6500 ms 0 s ago' }));
    it('stays not alive while the block is remembered', () => expect(stillRemembered.alive).toBe(false));
    it('is alive again once the block is older than remembered', () => expect(watch.liveness).toEqual({ alive: true }));
});

describe('when the event loop has not turned for longer than the limit while the watch runs', () => {
    const { watch, advance } = watchWithClock();
    watch.start();
    advance(8_000);
    const liveness = watch.liveness;
    watch.stop();
    it('is not alive, saying for how long', () => expect(liveness).toEqual({ alive: false, reason: 'the event loop has not turned for 7500 ms' }));
});

describe('when the real event loop is blocked for longer than the limit', () => {
    it('reports the block, and recovers once it is forgotten', async () => {
        const watch = new EventLoopWatch({ blockedAfter: 600, remembered: 3_000, interval: 50 });
        watch.start();
        const blockedUntil = performance.now() + 1_500;
        while (performance.now() < blockedUntil) {
            // Blocks the event loop on purpose.
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(watch.liveness.alive).toBe(false);
        await expect.poll(() => watch.liveness.alive, { timeout: 20_000, interval: 50 }).toBe(true);
        watch.stop();
    });
});
