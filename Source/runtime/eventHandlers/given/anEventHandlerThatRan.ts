import { waitUntil } from '../../host/given/waitUntil.js';
import { emptyGuid } from '../../guids/index.js';
import { anEventHandler } from '../../streamProcessors/given/anEventHandler.js';
import type { TenantUnderTest } from '../../streamProcessors/given/TenantUnderTest.js';
import { checkReregistration } from '../checkReregistration.js';
import type { EventHandlerRegistration } from '../EventHandlerRegistration.js';

/**
 * Registers an event handler in the default scope (checking and storing it as the service does) and runs its type
 * filter until it has filtered the whole event log, then stops it: the handler's stream holds the log's events of its types.
 */
export async function anEventHandlerThatRan(tenant: TenantUnderTest, registration: EventHandlerRegistration): Promise<void> {
    if (registration.scope !== emptyGuid) {
        throw new Error(`The handlers of these tests live in the default scope, not in scope ${registration.scope}`);
    }
    const check = await checkReregistration(registration, tenant.tenant);
    if ('refused' in check) {
        throw new Error(`Registering event handler ${registration.eventHandlerId} was refused: ${check.refused}`);
    }
    await check.store();
    const handler = anEventHandler(tenant, registration.types, registration.partitioned, registration.eventHandlerId);
    const { storage } = tenant.tenant;
    const end = await storage.eventLog.nextSequenceNumber(emptyGuid);
    await waitUntil(async () => ((await storage.streams.state(handler.filter))?.position ?? 0) >= end, `the filter of event handler ${registration.eventHandlerId} reached position ${end}`);
    await handler.stopFilter();
}
