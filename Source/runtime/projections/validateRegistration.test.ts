import { describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import type { ProjectionDefinition } from './ProjectionDefinition.js';
import { validateRegistration } from './validateRegistration.js';

const ordered = '6a1c3f0e-0000-4000-8000-000000000001' as Guid;
const valid: ProjectionDefinition = {
    scope: '00000000-0000-0000-0000-000000000000' as Guid,
    projectionId: '6a1c3f0e-0000-4000-8000-0000000000aa' as Guid,
    selectors: [{ eventType: ordered, keySelector: { kind: 'eventSourceId' } }],
    initialState: '{}',
};

describe('when validating a projection registration', () => {
    it('accepts a valid one', () => {
        expect(validateRegistration(valid)).toBeUndefined();
    });
    it('refuses an event type listed twice, naming it as the original does', () => {
        expect(validateRegistration({ ...valid, selectors: [...valid.selectors, { eventType: ordered, keySelector: { kind: 'partitionId' } }] })).toBe(
            `Event ${ordered} was specified more than once`,
        );
    });
    it('refuses an initial state that is not JSON', () => {
        expect(validateRegistration({ ...valid, initialState: '' })).toBe('its initial state is not JSON: ');
    });
    it('refuses the empty projection id', () => {
        expect(validateRegistration({ ...valid, projectionId: '00000000-0000-0000-0000-000000000000' as Guid })).toBe('the projection id is the empty GUID');
    });
});
