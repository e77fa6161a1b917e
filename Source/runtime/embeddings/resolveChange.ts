import type { Guid } from '../guids/index.js';
import type { EmbeddingCurrentState, EmbeddingEvent, EmbeddingHead, HeadAnswer, ProjectedState } from './EmbeddingHead.js';
import { canonicalState, statesAreEqual } from './statesAreEqual.js';

/** The rounds of questions one update or delete may take before it is refused as a loop that never ends. */
export const maximumRounds = 50;

/** The events an update or delete resolved to, and the key's state after them (undefined: removed). */
export type ResolvedChange =
    | { readonly resolved: true; readonly events: ReadonlyArray<EmbeddingEvent>; readonly state: string | undefined }
    | { readonly resolved: false; readonly reason: string };

/** Where the events are projected: the key, its event source id and the initial state a removed key starts from. */
export type ChangeSubject = { readonly key: string; readonly eventSourceId: Guid; readonly initialState: string };

/**
 * The update loop (reference 7): while the current state differs from the desired one, ask the head to compare them,
 * and project each event it answers onto the state, one by one. Stops with every event once the states are equal. It
 * is refused with a reason when the head answers no events though the states differ, when a round ends in a state an
 * earlier round already ended in (the head would answer the same for ever), or after {@link maximumRounds} rounds.
 */
export async function resolveUpdate(head: EmbeddingHead, subject: ChangeSubject, start: EmbeddingCurrentState, desired: string): Promise<ResolvedChange> {
    return resolve(subject, start, {
        isDone: (current) => statesAreEqual(current?.state ?? subject.initialState, desired),
        ask: (current) => head.compare(current, desired),
        project: (current, event) => head.project(current, event, subject.eventSourceId),
        question: 'compare',
        removalEnds: false,
        goal: `the desired state ${desired.slice(0, 200)}`,
    });
}

/**
 * The delete loop (reference 7): ask the head for the events that delete the state, and project them one by one
 * until a projection removes the state. Refused with a reason like the update loop, and when the head answers events
 * after the one that removed the state (committing them would leave the aggregate and the state apart).
 */
export async function resolveDeletion(head: EmbeddingHead, subject: ChangeSubject, start: EmbeddingCurrentState): Promise<ResolvedChange> {
    return resolve(subject, start, {
        isDone: (current) => current === undefined,
        ask: (current) => head.delete(current),
        project: (current, event) => head.project(current, event, subject.eventSourceId),
        question: 'delete',
        removalEnds: true,
        goal: 'a removed state',
    });
}

type Loop = {
    /** Whether the state (undefined: removed) is where the loop should end. */
    readonly isDone: (current: EmbeddingCurrentState | undefined) => boolean;
    readonly ask: (current: EmbeddingCurrentState) => Promise<HeadAnswer<ReadonlyArray<EmbeddingEvent>>>;
    readonly project: (current: EmbeddingCurrentState, event: EmbeddingEvent) => Promise<HeadAnswer<ProjectedState>>;
    /** Whether a removal ends the answer's events (delete), or the next event starts from the initial state (update). */
    readonly removalEnds: boolean;
    readonly question: string;
    readonly goal: string;
};

async function resolve(subject: ChangeSubject, start: EmbeddingCurrentState, loop: Loop): Promise<ResolvedChange> {
    const events: EmbeddingEvent[] = [];
    let current: EmbeddingCurrentState | undefined = start;
    const reached = new Set([canonicalState(start.state)]);
    for (let round = 1; round <= maximumRounds; round++) {
        if (loop.isDone(current)) {
            return { resolved: true, events, state: current?.state };
        }
        // A removed state is asked about (and projected from) as the initial state, as a key that was never stored.
        const asked: EmbeddingCurrentState = current ?? { key: subject.key, state: subject.initialState, persisted: false };
        const answer = await loop.ask(asked);
        if (!answer.answered) {
            return { resolved: false, reason: answer.reason };
        }
        if (answer.value.length === 0) {
            return { resolved: false, reason: `the head's ${loop.question} answer in round ${round} has no events, but the state ${asked.state.slice(0, 200)} is not ${loop.goal}` };
        }
        let projected: EmbeddingCurrentState | undefined = asked;
        for (const [index, event] of answer.value.entries()) {
            if (projected === undefined && loop.removalEnds) {
                return { resolved: false, reason: `the head's ${loop.question} answer in round ${round} has ${answer.value.length - index} event(s) after the one that removed the state` };
            }
            const next = await loop.project(projected ?? { key: subject.key, state: subject.initialState, persisted: false }, event);
            if (!next.answered) {
                return { resolved: false, reason: `projecting event ${index} (type ${event.type.id}) of round ${round}: ${next.reason}` };
            }
            events.push(event);
            projected = next.value.state === undefined ? undefined : { key: subject.key, state: next.value.state, persisted: true };
        }
        current = projected;
        if (loop.isDone(current)) {
            continue;
        }
        const canonical = current === undefined ? '(removed)' : canonicalState(current.state);
        if (reached.has(canonical)) {
            return { resolved: false, reason: `embedding loop detected: round ${round} of ${loop.question} ended in the state ${canonical.slice(0, 200)}, which an earlier round had already reached, so the head would never reach ${loop.goal}` };
        }
        reached.add(canonical);
    }
    if (loop.isDone(current)) {
        return { resolved: true, events, state: current?.state };
    }
    return { resolved: false, reason: `embedding loop detected: ${maximumRounds} rounds of ${loop.question} did not reach ${loop.goal}` };
}
