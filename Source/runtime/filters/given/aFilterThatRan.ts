import { emptyGuid, type Guid } from '../../guids/index.js';
import { waitUntil } from '../../host/given/waitUntil.js';
import { aStreamProcessor } from '../../streamProcessors/given/aStreamProcessor.js';
import { processingOutcomes } from '../../streamProcessors/given/processingOutcomes.js';
import { ScriptedEventProcessor } from '../../streamProcessors/given/ScriptedEventProcessor.js';
import type { TenantUnderTest } from '../../streamProcessors/given/TenantUnderTest.js';
import { checkFilterReregistration } from '../checkFilterReregistration.js';
import type { FilterRegistration } from '../FilterRegistration.js';
import { filterStreams, isPartitioned } from '../filterStreams.js';

/**
 * Registers a filter (checking and storing it as the service does) and runs it as the Runtime runs a head's filter,
 * choosing the events of the given types from the default scope's log (in their event source's partition when
 * partitioned), until it has filtered the whole log; then stops it.
 */
export async function aFilterThatRan(tenant: TenantUnderTest, registration: FilterRegistration, chosenTypes: ReadonlyArray<Guid>): Promise<void> {
    if (registration.scope !== emptyGuid) {
        throw new Error(`The filters of these tests live in the default scope, not in scope ${registration.scope}`);
    }
    const check = await checkFilterReregistration(registration, tenant.tenant);
    if ('refused' in check) {
        throw new Error(`Registering filter ${registration.filterId} was refused: ${check.refused}`);
    }
    await check.store();
    const keys = filterStreams(registration);
    const partitioned = isPartitioned(registration);
    const head = new ScriptedEventProcessor((event) =>
        chosenTypes.includes(event.event.type.id) ? processingOutcomes.chosen(event, partitioned ? event.event.eventSourceId : emptyGuid) : processingOutcomes.succeeded);
    const filter = tenant.run(aStreamProcessor(tenant, { key: keys.processor, processor: head, output: keys.stream }));
    const { storage } = tenant.tenant;
    const end = await storage.eventLog.nextSequenceNumber(emptyGuid);
    await waitUntil(async () => ((await storage.streams.state(keys.processor))?.position ?? 0) >= end, `filter ${registration.filterId} reached position ${end}`);
    await filter.stop();
}
