import { describe, expect, it } from 'vitest';
import * as sdk from './index.js';

// Every name the TypeScript tutorials of seed 003 (sections 1.1 and 1.2) import from @dolittle/sdk and its
// @dolittle/sdk.* packages, besides the type-only EventContext and EventSourceId, which are classes here too.
const tutorialNames = ['eventType', 'EventContext', 'eventHandler', 'handles', 'Client', 'TenantId', 'aggregateRoot', 'AggregateRoot', 'on', 'EventSourceId'] as const;

describe('when a head imports what the tutorials import', () => {
    it.each(tutorialNames)('exports %s under the same name', (name) => expect(typeof sdk[name]).toBe('function'));
    it('exports the filters\' result under SDK 17\'s name', () => expect(typeof sdk.PartitionedFilterResult).toBe('function'));
});
