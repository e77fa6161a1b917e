import { ForkedScript } from '../processes/ForkedScript.js';
import type { HeadArguments, HeadMessage } from './HeadMessage.js';

const registrationTimeout = 30_000;

/**
 * Starts a benchmark head in a process of its own and waits until its processor is registered: by default the event
 * handler head with HeadArguments; `script` names another head (e.g. the projection head) that reports the same messages.
 */
export async function startHead<Arguments = HeadArguments>(headArguments: Arguments, script: URL = new URL('./eventHandlerHead.ts', import.meta.url)): Promise<ForkedScript<HeadMessage>> {
    const head = new ForkedScript<HeadMessage>(script, headArguments);
    try {
        const outcome = await head.next(['registered', 'refused'], registrationTimeout);
        if (outcome.kind === 'refused') {
            throw new Error(`The Runtime refused the benchmark head's registration: ${outcome.reason}`);
        }
    } catch (error) {
        await head.stop();
        throw error;
    }
    return head;
}
