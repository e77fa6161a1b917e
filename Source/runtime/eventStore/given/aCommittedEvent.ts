import type { Guid } from '../../guids/index.js';
import type { CommittedEvent } from '../CommittedEvent.js';
import { anExecutionContext } from './anExecutionContext.js';

/** The event type committed events for tests have unless told otherwise. */
export const dishPrepared = '1844473f-d714-4327-8b7f-5b3c2bdfc26a' as Guid;

/** A committed event for tests at a sequence number; every other field can be overridden. */
export function aCommittedEvent(sequenceNumber: number, overrides: Partial<CommittedEvent> = {}): CommittedEvent {
    return {
        sequenceNumber,
        occurred: Date.UTC(2024, 4, 17, 12, 30, 45, 123) + sequenceNumber,
        eventSourceId: 'f2d366cf-c00a-4479-acc4-851e04b6fbba' as Guid,
        executionContext: anExecutionContext(),
        type: { id: dishPrepared, generation: 1 },
        public: false,
        content: `{"Dish":"Bean Blaster Taco","Chef":"Mrs. Tex Mex","number":${sequenceNumber}}`,
        aggregate: undefined,
        external: undefined,
        ...overrides,
    };
}
