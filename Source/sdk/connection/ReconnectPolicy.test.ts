import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './ReconnectPolicy.js';

const policy = { initialMilliseconds: 200, maximumMilliseconds: 5_000 };

describe('when choosing the delay before connecting again', () => {
    it('waits up to the initial delay after the first failure', () => expect(reconnectDelay(policy, 1, () => 1)).toBe(200));
    it('doubles the ceiling with each failed attempt', () => expect(reconnectDelay(policy, 4, () => 1)).toBe(1_600));
    it('never waits longer than the maximum', () => expect(reconnectDelay(policy, 40, () => 1)).toBe(5_000));
    it('spreads the delay at random below the ceiling', () => expect(reconnectDelay(policy, 4, () => 0.5)).toBe(800));
    it('never retries at once, even when the random draw is zero', () => expect(reconnectDelay(policy, 1, () => 0)).toBe(50));
});
