import type { Guid } from '../../guids/index.js';
import type { EmbeddingCurrentState, EmbeddingEvent, EmbeddingHead, HeadAnswer, ProjectedState } from '../EmbeddingHead.js';

/** An event of the scripted head's one type, adding to a counter. */
export const adding = (by: number): EmbeddingEvent => ({ type: { id: '6a1d1c1e-0000-4000-8000-000000000001' as Guid, generation: 1 }, public: true, content: JSON.stringify({ by }) });
/** The scripted head's event that removes the state. */
export const removing: EmbeddingEvent = { type: { id: '6a1d1c1e-0000-4000-8000-000000000002' as Guid, generation: 1 }, public: true, content: '{}' };

/** What a scripted head answers, each a function of what it is asked. */
export type Script = {
    readonly compare?: (current: { count: number }, desired: { count: number }) => HeadAnswer<ReadonlyArray<EmbeddingEvent>>;
    readonly delete?: (current: { count: number }) => HeadAnswer<ReadonlyArray<EmbeddingEvent>>;
};

/**
 * A head for the loops' unit tests, in the process: its states are `{ count }` counters, `adding` events add to them
 * and `removing` removes them. It records every question, so a test can see what the loop asked.
 */
export function scriptedHead(script: Script): { readonly head: EmbeddingHead; readonly asked: string[] } {
    const asked: string[] = [];
    const parse = (text: string) => JSON.parse(text) as { count: number };
    const head: EmbeddingHead = {
        compare: (current: EmbeddingCurrentState, desired: string) => {
            asked.push(`compare ${current.state} to ${desired}`);
            const answer = script.compare?.(parse(current.state), parse(desired)) ?? { answered: true, value: [adding(parse(desired).count - parse(current.state).count)] };
            return Promise.resolve(answer);
        },
        delete: (current: EmbeddingCurrentState) => {
            asked.push(`delete ${current.state}`);
            return Promise.resolve(script.delete?.(parse(current.state)) ?? { answered: true, value: [removing] });
        },
        project: (current: EmbeddingCurrentState, event: EmbeddingEvent): Promise<HeadAnswer<ProjectedState>> => {
            asked.push(`project ${event.content} onto ${current.state}`);
            if (event.type.id === removing.type.id) {
                return Promise.resolve({ answered: true, value: { state: undefined } });
            }
            const { by } = JSON.parse(event.content) as { by: number };
            return Promise.resolve({ answered: true, value: { state: JSON.stringify({ count: parse(current.state).count + by }) } });
        },
    };
    return { head, asked };
}
