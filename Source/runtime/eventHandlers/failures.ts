import { failure, type Failure } from '../failures/index.js';
import type { Guid } from '../guids/index.js';

/** The event handlers' documented failure ids (seed 003, section 4.1.2). */
export const eventHandlerFailureIds = {
    noEventHandlerRegistrationReceived: '209a79c7-824c-4988-928b-0dd517746ca0' as Guid,
    cannotRegisterEventHandlerOnNonWriteableStream: '45b4c918-37a5-405c-9865-d032869b1d24' as Guid,
    failedToRegisterEventHandler: 'dbfdfa15-e727-49f6-bed8-7a787954a4c6' as Guid,
} as const;

/** The event handlers' failures, each with its documented id and a reason that names what was wrong. */
export const eventHandlerFailures = {
    nonWriteableStream: (): Failure =>
        failure(
            eventHandlerFailureIds.cannotRegisterEventHandlerOnNonWriteableStream,
            'The event handler id is the empty GUID, which is the event log (a stream no handler can write)',
        ),
    failedToRegister: (eventHandlerId: Guid, reason: string): Failure =>
        failure(eventHandlerFailureIds.failedToRegisterEventHandler, `Failed to register event handler ${eventHandlerId}: ${reason}`),
};
