import { describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import { definitionChange, type ProjectionDefinition } from './ProjectionDefinition.js';

const [ordered, paid] = ['6a1c3f0e-0000-4000-8000-000000000001' as Guid, '6a1c3f0e-0000-4000-8000-000000000002' as Guid];
const stored: ProjectionDefinition = {
    scope: '00000000-0000-0000-0000-000000000000' as Guid,
    projectionId: '6a1c3f0e-0000-4000-8000-0000000000aa' as Guid,
    selectors: [{ eventType: ordered, keySelector: { kind: 'eventSourceId' } }, { eventType: paid, keySelector: { kind: 'property', propertyName: 'table' } }],
    initialState: '{"total":0}',
};

describe('when comparing a registered projection definition with the stored one', () => {
    it('finds no change when only the order of the selectors differs', () => {
        expect(definitionChange(stored, { ...stored, selectors: [...stored.selectors].reverse() })).toBeUndefined();
    });
    it('finds a change when the initial state\'s text differs, even if it means the same', () => {
        expect(definitionChange(stored, { ...stored, initialState: '{ "total": 0 }' })).toBe('the initial state changed');
    });
    it('finds a change when an event type is added', () => {
        const added = '6a1c3f0e-0000-4000-8000-000000000003' as Guid;
        expect(definitionChange(stored, { ...stored, selectors: [...stored.selectors, { eventType: added, keySelector: { kind: 'partitionId' } }] })).toBe(
            'the number of event selectors changed from 2 to 3',
        );
    });
    it('finds a change when an event type is replaced by another', () => {
        const other = '6a1c3f0e-0000-4000-8000-000000000004' as Guid;
        expect(definitionChange(stored, { ...stored, selectors: [stored.selectors[0]!, { eventType: other, keySelector: { kind: 'eventSourceId' } }] })).toBe(`event type ${other} is new`);
    });
    it('finds a change when a key selector\'s property changes', () => {
        expect(definitionChange(stored, { ...stored, selectors: [stored.selectors[0]!, { eventType: paid, keySelector: { kind: 'property', propertyName: 'seat' } }] })).toBe(
            `the key selector of event type ${paid} changed from property 'table' to property 'seat'`,
        );
    });
    it('finds a change when a key selector\'s kind changes', () => {
        expect(definitionChange(stored, { ...stored, selectors: [{ eventType: ordered, keySelector: { kind: 'partitionId' } }, stored.selectors[1]!] })).toBe(
            `the key selector of event type ${ordered} changed from event source id to partition id`,
        );
    });
});
