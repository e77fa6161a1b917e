import { ForkedScript } from '../processes/ForkedScript.js';
import type { HeadArguments, HeadMessage } from './HeadMessage.js';

const registrationTimeout = 30_000;

/** Starts the benchmark head in a process of its own and waits until its event handler is registered. */
export async function startHead(headArguments: HeadArguments): Promise<ForkedScript<HeadMessage>> {
    const head = new ForkedScript<HeadMessage>(new URL('./eventHandlerHead.ts', import.meta.url), headArguments);
    try {
        const outcome = await head.next(['registered', 'refused'], registrationTimeout);
        if (outcome.kind === 'refused') {
            throw new Error(`The Runtime refused the benchmark event handler: ${outcome.reason}`);
        }
    } catch (error) {
        await head.stop();
        throw error;
    }
    return head;
}
