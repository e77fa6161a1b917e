import type { CommittedEvent } from '../CommittedEvent.js';

/** Large commits are inserted in several statements (in one transaction) to keep each message to the server small. */
const maximumEventsInOneStatement = 5_000;
const maximumContentCharactersInOneStatement = 32 * 1024 * 1024;

/** Splits the events of one commit into runs that are each inserted by one statement. */
export function splitIntoStatements(events: ReadonlyArray<CommittedEvent>): ReadonlyArray<ReadonlyArray<CommittedEvent>> {
    const runs: CommittedEvent[][] = [];
    let current: CommittedEvent[] = [];
    let characters = 0;
    for (const event of events) {
        if (current.length > 0 && (current.length >= maximumEventsInOneStatement || characters + event.content.length > maximumContentCharactersInOneStatement)) {
            runs.push(current);
            current = [];
            characters = 0;
        }
        current.push(event);
        characters += event.content.length;
    }
    if (current.length > 0) {
        runs.push(current);
    }
    return runs;
}
