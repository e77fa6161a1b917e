// A head that registers an event handler and a filter, commits an event, waits until the handler has it, then
// disconnects and does nothing more: the process must then exit by itself (no stream or timer left).
import { randomUUID } from 'node:crypto';
import { Client } from '../Client.js';
import { PartitionedFilterResult } from '../filters/PartitionedFilterResult.js';
import { silentLogger } from '../logging/Logger.js';
import { TenantId } from '../execution/TenantId.js';

const eventType = randomUUID();
let handled!: () => void;
const handledOnce = new Promise<void>((resolve) => {
    handled = resolve;
});
const client = Client.forMicroservice(randomUUID())
    .withLogging(silentLogger)
    .withPingInterval(500)
    .withEventHandlers((handlers) => handlers.createEventHandler(randomUUID(), (handler) => handler.handle(eventType, () => handled())))
    .withFilters((filters) => filters.createPublicFilter(randomUUID(), (filter) => filter.handle((_event, context) => new PartitionedFilterResult(true, context.eventSourceId))))
    .build();
await client.registered;
await client.eventStore.forTenant(TenantId.development).commit({ content: {}, eventSourceId: randomUUID(), eventType });
await handledOnce;
await client.disconnect();
console.log('disconnected');
