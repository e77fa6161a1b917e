import { describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import { adding, removing, scriptedHead } from './given/scriptedHead.js';
import { maximumRounds, resolveDeletion, resolveUpdate, type ChangeSubject } from './resolveChange.js';

const subject: ChangeSubject = { key: 'shelf', eventSourceId: 'c0ffee00-0000-4000-8000-000000000000' as Guid, initialState: '{"count":0}' };
const stored = (count: number) => ({ key: 'shelf', state: JSON.stringify({ count }), persisted: true });

describe('when an update is resolved to events', () => {
    it('asks to compare until the projected state equals the desired one, and answers every event', async () => {
        const { head } = scriptedHead({ compare: (current, desired) => ({ answered: true, value: [adding(Math.min(2, desired.count - current.count))] }) });
        expect(await resolveUpdate(head, subject, stored(1), '{"count":6}')).toEqual({ resolved: true, events: [adding(2), adding(2), adding(1)], state: '{"count":6}' });
    });
    it('asks nothing when the states are equal, whatever the order of their properties', async () => {
        const { head, asked } = scriptedHead({});
        expect([await resolveUpdate(head, subject, { key: 'shelf', state: '{"count":1,"name":"a"}', persisted: true }, '{ "name": "a", "count": 1.0 }'), asked]).toEqual([
            { resolved: true, events: [], state: '{"count":1,"name":"a"}' },
            [],
        ]);
    });
    it('detects a loop when a round ends in a state an earlier round ended in', async () => {
        const { head } = scriptedHead({ compare: (current) => ({ answered: true, value: current.count === 1 ? [adding(-1)] : [adding(1)] }) });
        const resolved = await resolveUpdate(head, subject, stored(0), '{"count":5}');
        expect(resolved).toEqual({ resolved: false, reason: expect.stringMatching(/^embedding loop detected: round 2 of compare ended in the state \{"count":0\}/) });
    });
    it(`gives up after ${maximumRounds} rounds that keep moving away`, async () => {
        const { head, asked } = scriptedHead({ compare: () => ({ answered: true, value: [adding(1)] }) });
        const resolved = await resolveUpdate(head, subject, stored(0), '{"count":-1}');
        expect([resolved, asked.filter((question) => question.startsWith('compare')).length]).toEqual([
            { resolved: false, reason: `embedding loop detected: ${maximumRounds} rounds of compare did not reach the desired state {"count":-1}` },
            maximumRounds,
        ]);
    });
    it('fails when the head answers no events though the states differ', async () => {
        const { head } = scriptedHead({ compare: () => ({ answered: true, value: [] }) });
        expect(await resolveUpdate(head, subject, stored(0), '{"count":1}')).toEqual({ resolved: false, reason: expect.stringContaining("compare answer in round 1 has no events") });
    });
    it('fails with the head\'s reason when it fails', async () => {
        const { head } = scriptedHead({ compare: () => ({ answered: false, reason: 'the head failed the compare request: no' }) });
        expect(await resolveUpdate(head, subject, stored(0), '{"count":1}')).toEqual({ resolved: false, reason: 'the head failed the compare request: no' });
    });
    it('starts again from the initial state after an event that removed the state', async () => {
        const { head } = scriptedHead({ compare: () => ({ answered: true, value: [removing, adding(3)] }) });
        expect(await resolveUpdate(head, subject, stored(9), '{"count":3}')).toEqual({ resolved: true, events: [removing, adding(3)], state: '{"count":3}' });
    });
});

describe('when a deletion is resolved to events', () => {
    it('asks to delete until a projection removes the state', async () => {
        const { head } = scriptedHead({ delete: (current) => ({ answered: true, value: current.count > 2 ? [adding(-2)] : [removing] }) });
        expect(await resolveDeletion(head, subject, stored(4))).toEqual({ resolved: true, events: [adding(-2), removing], state: undefined });
    });
    it('fails when events follow the one that removed the state', async () => {
        const { head } = scriptedHead({ delete: () => ({ answered: true, value: [removing, adding(1)] }) });
        expect(await resolveDeletion(head, subject, stored(4))).toEqual({ resolved: false, reason: expect.stringContaining('has 1 event(s) after the one that removed the state') });
    });
    it('detects a loop when the events never remove the state', async () => {
        const { head } = scriptedHead({ delete: () => ({ answered: true, value: [adding(0)] }) });
        expect(await resolveDeletion(head, subject, stored(4))).toEqual({ resolved: false, reason: expect.stringContaining('embedding loop detected: round 1 of delete') });
    });
});
