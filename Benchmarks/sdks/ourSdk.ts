import { Client, silentLogger, TenantId, type EventStore } from '@dolittle-typescript/sdk';
import type { SdkUnderTest } from './SdkUnderTest.js';

const microservice = 'f39b1f61-d360-4675-b859-53c05c87c0e6';

/** @dolittle-typescript/sdk behind the benchmark's SDK shape. */
export function ourSdk(address: string, eventTypeId: string): SdkUnderTest {
    const [host, port] = address.split(':');
    let handler: { readonly id: string; readonly handled: (sequenceNumber: number) => void } | undefined;
    let client: Client | undefined;
    let store: EventStore | undefined;
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
            store ??= built().eventStore.forTenant(TenantId.development);
            const result = await store.commit(content, eventSourceId, eventTypeId);
            if (result.failed) {
                throw new Error(`Our SDK's commit failed: ${result.failure?.reason}`);
            }
        },
        handle: (id, handled) => {
            handler = { id, handled };
            built();
        },
        disconnect: async () => client?.disconnect(),
    };
}
