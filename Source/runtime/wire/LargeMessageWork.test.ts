import { describe, expect, it } from 'vitest';
import { LargeMessageWork } from './LargeMessageWork.js';

describe('when large-message work is queued', () => {
    it('runs the units in the order they came and answers each with what it returned', async () => {
        const work = new LargeMessageWork();
        const ran: number[] = [];
        const answers = await Promise.all([1, 2, 3].map((number) => work.run(() => (ran.push(number), number * 10))));
        expect(ran).toEqual([1, 2, 3]);
        expect(answers).toEqual([10, 20, 30]);
    });

    it('runs nothing in the turn that queues it', async () => {
        const work = new LargeMessageWork();
        let ran = false;
        const running = work.run(() => (ran = true));
        expect(ran).toBe(false);
        await running;
        expect(ran).toBe(true);
    });

    it('lets the event loop run what else is due between two units', async () => {
        const work = new LargeMessageWork();
        const happened: string[] = [];
        const first = work.run(() => {
            happened.push('first unit');
            // Due in the next turn of the event loop, as a socket read during the first unit would be.
            setImmediate(() => happened.push('other work'));
        });
        const second = work.run(() => happened.push('second unit'));
        await Promise.all([first, second]);
        expect(happened).toEqual(['first unit', 'other work', 'second unit']);
    });

    it('rejects the unit that throws and still runs the ones after it', async () => {
        const work = new LargeMessageWork();
        const failing = work.run(() => {
            throw new Error('malformed');
        });
        const next = work.run(() => 'next');
        await expect(failing).rejects.toThrow('malformed');
        await expect(next).resolves.toBe('next');
        expect(work.waiting).toBe(0);
    });
});
