import { emptyGuid } from '../guids/index.js';
import { failure, type Failure } from '../failures/index.js';
import { otherFailureId } from '../failures/Failure.js';
import { eventStoreFailures } from './failures.js';
import type { UncommittedEvent } from './UncommittedEvent.js';

/** Checks one event of a commit: it has a type and its content is a JSON object. Returns the failure, if any. */
export function validateUncommittedEvent(event: Omit<UncommittedEvent, 'eventSourceId'>, index: number): Failure | undefined {
    if (event.type.id === emptyGuid) {
        return eventStoreFailures.eventCannotBeNull(index, 'event type');
    }
    if (!isJsonObjectText(event.content)) {
        return failure(otherFailureId, `The content of event ${index} (event type ${event.type.id}) is not a JSON object`);
    }
    return undefined;
}

function isJsonObjectText(content: string): boolean {
    // Cheap rejection first: JSON object text starts with '{' after whitespace.
    const first = content.trimStart()[0];
    if (first !== '{') {
        return false;
    }
    try {
        const parsed: unknown = JSON.parse(content);
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
    } catch {
        return false;
    }
}
