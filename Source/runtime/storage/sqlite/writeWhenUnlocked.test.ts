import { describe, expect, it } from 'vitest';
import { writeWhenUnlocked } from './writeWhenUnlocked.js';
import { WriteTurn } from './WriteTurn.js';

const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
const database = { writeTurn: new WriteTurn() };
const waiting = { deadline: 200, firstPause: 1, maximumPause: 5 };

describe('when writing to an embedded database that another connection has locked', () => {
    it('tries again until the write succeeds, and answers what it returned', async () => {
        let tries = 0;
        const result = await writeWhenUnlocked(database, () => {
            tries++;
            if (tries < 4) {
                throw busy;
            }
            return 'written';
        }, waiting);
        expect([result, tries]).toEqual(['written', 4]);
    });

    it('throws the busy error once the deadline has passed', async () => {
        let now = 0;
        const clock = () => now;
        const attempt = writeWhenUnlocked(database, () => {
            now += 100;
            throw busy;
        }, waiting, clock);
        await expect(attempt).rejects.toBe(busy);
    });

    it('throws any other error at once, without trying again', async () => {
        let tries = 0;
        const broken = Object.assign(new Error('no such table'), { code: 'SQLITE_ERROR' });
        const attempt = writeWhenUnlocked(database, () => {
            tries++;
            throw broken;
        }, waiting);
        await expect(attempt).rejects.toBe(broken);
        expect(tries).toBe(1);
    });
});
