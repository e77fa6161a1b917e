import { describe, expect, it } from 'vitest';
import { newGuid } from '../guids/index.js';
import { newProcessorKey } from '../streams/given/streamKeys.js';
import type { StreamProcessorState } from '../streams/index.js';
import { EditableProcessors } from './EditableProcessors.js';
import { ProcessorEdits } from './ProcessorEdits.js';

const at = (position: number): StreamProcessorState => ({ partitioned: false, position, lastSuccessfullyProcessed: 0, failure: undefined });

describe('when a running processor shows the state it reached in memory', () => {
    it('shows the management its newest state, ahead of the stored one', () => {
        const processors = new EditableProcessors();
        const tenant = newGuid();
        const key = newProcessorKey();
        let reached = at(3);
        processors.add(tenant, key, new ProcessorEdits(new AbortController().signal), () => reached);
        reached = at(42);
        expect(processors.currentState(tenant, key)?.position).toBe(42);
    });

    it('shows nothing once the processor has stopped', () => {
        const processors = new EditableProcessors();
        const tenant = newGuid();
        const key = newProcessorKey();
        const remove = processors.add(tenant, key, new ProcessorEdits(new AbortController().signal), () => at(3));
        remove();
        expect(processors.currentState(tenant, key)).toBeUndefined();
    });
});
