import { Client } from '@dolittle/sdk';
import { TenantId } from '@dolittle/sdk.execution';
import type { Logger } from 'winston';
import type { SdkUnderTest } from './SdkUnderTest.js';

const microservice = 'f39b1f61-d360-4675-b859-53c05c87c0e6';
const silentLogger = Object.fromEntries(['error', 'warn', 'info', 'verbose', 'debug', 'silly', 'log'].map((level) => [level, () => undefined])) as unknown as Logger;

/** The official @dolittle/sdk 17.0.1 behind the benchmark's SDK shape. */
export function officialSdk(address: string, eventTypeId: string): SdkUnderTest {
    const [host, port] = address.split(':');
    let handler: { readonly id: string; readonly handled: (sequenceNumber: number) => void } | undefined;
    let client: Client | undefined;
    const built = () => {
        client ??= Client.forMicroservice(microservice)
            .withRuntimeOn(host!, Number(port))
            .withLogging(silentLogger)
            .withEventHandlers((builder) => {
                if (handler !== undefined) {
                    const { id, handled } = handler;
                    builder.createEventHandler(id, (eventHandler) => eventHandler.unpartitioned().handle(eventTypeId, (_event, context) => handled(context.sequenceNumber)));
                }
            })
            .build();
        return client;
    };
    return {
        commit: async (eventSourceId, content) => {
            const result = await built().eventStore.forTenant(TenantId.development).commit(content, eventSourceId, eventTypeId);
            if (result.failed) {
                throw new Error(`SDK 17's commit failed: ${result.failure?.reason.value ?? ''}`);
            }
        },
        handle: (id, handled) => {
            handler = { id, handled };
            built();
        },
        // SDK 17 has no way to end its streams: the head process is stopped instead.
        disconnect: async () => undefined,
    };
}
