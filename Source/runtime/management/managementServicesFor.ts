import type { Logger } from '../logging/index.js';
import type { RegisteredProcessors } from '../streamProcessors/index.js';
import type { Tenants } from '../tenancy/index.js';
import { eventStoreServicesFor, noSubscriptions, type SubscriptionsView } from './eventStoreServices.js';
import type { ManagementService } from './managementCall.js';
import { processorServicesFor } from './processorServices.js';

/** The services of the management port: processors (with replay, retry and skip) and views of the event stores. */
export function managementServicesFor(
    tenants: Tenants,
    registered: RegisteredProcessors,
    logger: Logger,
    subscriptions: SubscriptionsView = noSubscriptions,
): ReadonlyArray<ManagementService> {
    return [...processorServicesFor({ tenants, registered, logger }), ...eventStoreServicesFor(tenants, subscriptions, logger)];
}
