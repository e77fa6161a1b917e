import { initialStreamProcessorState, type StreamProcessorState } from '../streams/index.js';
import { ProcessorHasStopped, sleep, type RegisteredProcessors, type StateEdit } from '../streamProcessors/index.js';
import type { Tenant } from '../tenancy/index.js';
import { managementFailures, ManagementRequestIsRefused } from './failures.js';
import type { ManagedProcessor } from './ManagedProcessor.js';

/** How often, and how long apart, a change looks again for a processor a head is registering right now. */
const registeringRetries = { attempts: 50, pause: 100 } as const;

/**
 * Applies an operator's edit to a processor's state for one tenant without racing it. When the processor runs, the
 * edit is handed to it and it applies the edit itself between two steps. When no head has it registered, the change
 * takes its id in this Runtime for the moment of the write, so a head registering meanwhile is refused and registers
 * again after. While a head is half-way through registering, it waits a moment and looks again.
 */
export async function changeProcessor(
    tenant: Tenant,
    processor: ManagedProcessor,
    registered: RegisteredProcessors,
    edit: StateEdit<StreamProcessorState>,
): Promise<StreamProcessorState> {
    for (let attempt = 0; attempt < registeringRetries.attempts; attempt++) {
        const running = registered.editable.find(tenant.id, processor.key);
        if (running !== undefined) {
            try {
                return await running.submit(edit);
            } catch (error) {
                if (error instanceof ProcessorHasStopped) {
                    continue;
                }
                throw error;
            }
        }
        const holder = registered.register(processor.scope, processor.processorId, 'management request');
        if (holder !== undefined) {
            await sleep(registeringRetries.pause, new AbortController().signal);
            continue;
        }
        try {
            const stored = (await tenant.storage.streams.state(processor.key)) ?? initialStreamProcessorState(processor.partitioned);
            return await edit(stored);
        } finally {
            registered.release(processor.scope, processor.processorId);
        }
    }
    throw new ManagementRequestIsRefused(managementFailures.processorIsBusy(processor.processorId));
}
