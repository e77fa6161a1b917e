import { dolittle, embeddingsService } from '@dolittle-typescript/protocol';
import { processingExecutionContext } from '../execution/index.js';
import type { Failure } from '../failures/index.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import { serveProcessorRegistration, type RegistrationContext } from '../registrations/index.js';
import { failureToWire, guidFromWire } from '../wire/index.js';
import { checkEmbeddingRegistration } from './checkEmbeddingRegistration.js';
import { embeddingHeadOver } from './EmbeddingHead.js';
import { EmbeddingProcessor } from './EmbeddingProcessor.js';
import { embeddingsProtocol } from './embeddingsProtocol.js';
import { embeddingFailures } from './failures.js';
import { isJson } from './jsonText.js';
import { embeddingLogMessages as messages } from './logMessages.js';
import { registrationFromWire } from './registrationFromWire.js';
import { RunningEmbeddings } from './RunningEmbeddings.js';
import { unaryCalls } from './unaryCalls.js';
import { validateRegistration } from './validateRegistration.js';

type Embeddings = typeof dolittle.runtime.embeddings;
type UpdateResponse = dolittle.runtime.embeddings.UpdateResponse.$Properties;
type DeleteResponse = dolittle.runtime.embeddings.DeleteResponse.$Properties;

/**
 * The `dolittle.runtime.embeddings.Embeddings` service (reference 7). A head registers an embedding over a reverse
 * call; the Runtime stores its definition for every tenant (refusing a changed one) and runs one embedding processor
 * per tenant until the head disconnects. Update and Delete hand the key to the tenant's processor, which asks the
 * head for the events and commits them; with no processor for the tenant they answer NoEmbeddingRegisteredForTenant
 * at once.
 */
export function embeddingsServiceFor(context: RegistrationContext) {
    const running = new RunningEmbeddings();
    const connect = serveProcessorRegistration(embeddingsProtocol, {
        kind: 'embedding',
        messages,
        fromWire: registrationFromWire,
        // Embeddings have no scope: their ids are taken in the default scope, beside event handlers and filters.
        idOf: (definition) => ({ scope: emptyGuid, processorId: definition.embeddingId }),
        bindingsOf: (definition) => ({ embedding: definition.embeddingId }),
        validate: (definition) => {
            const invalid = validateRegistration(definition);
            return invalid === undefined ? undefined : embeddingFailures.failedToRegister(definition.embeddingId, invalid);
        },
        failedToRegister: embeddingFailures.failedToRegister,
        checkTenant: checkEmbeddingRegistration,
        registeredData: (definition) => ({ eventTypes: definition.eventTypes.length }),
        start: (definition, connection, tenants) => {
            const microserviceId = connection.executionContext.microserviceId;
            const logger = context.logger.withBindings({ embedding: definition.embeddingId }).forCategory('processing');
            const processors = new Map<Guid, EmbeddingProcessor>(tenants.map((tenant) => [
                tenant.id,
                new EmbeddingProcessor({
                    definition,
                    tenant,
                    head: embeddingHeadOver((request, signal) => connection.call(request, processingExecutionContext(microserviceId, tenant.id), signal), connection.signal),
                    logger: logger.withBindings({ tenant: tenant.id }),
                }),
            ]));
            const remove = running.add(definition.embeddingId, processors);
            for (const processor of processors.values()) {
                processor.start();
            }
            return {
                stop: async () => {
                    remove();
                    await Promise.all([...processors.values()].map((processor) => processor.stop()));
                },
            };
        },
    }, context);

    const calls = unaryCalls(context.tenants, context.logger);
    /** Finds the processor of a change, or the failure that answers it at once. */
    const processorFor = (
        request: { readonly callContext?: dolittle.services.CallRequestContext.$Properties | null; readonly embeddingId?: dolittle.protobuf.Uuid.$Properties | null; readonly key?: string | null },
        refuse: (embeddingId: Guid, key: string, reason: string) => Failure,
    ) => {
        const { tenant, executionContext } = calls.tenantOf(request.callContext);
        const embeddingId = guidFromWire(request.embeddingId, 'embeddingId');
        const key = request.key ?? '';
        const processor = running.get(tenant.id, embeddingId);
        if (key === '') {
            return { found: false, failure: refuse(embeddingId, key, 'the key is empty; every embedding state has a key') } as const;
        }
        if (processor === undefined) {
            return { found: false, failure: embeddingFailures.notRegisteredForTenant(embeddingId, tenant.id) } as const;
        }
        return { found: true, processor, key, embeddingId, executionContext } as const;
    };

    const update = async (request: InstanceType<Embeddings['UpdateRequest']>): Promise<UpdateResponse> => {
        const found = processorFor(request, embeddingFailures.failedToUpdate);
        if (!found.found) {
            return { failure: failureToWire(found.failure) };
        }
        const desired = request.state ?? '';
        if (!isJson(desired)) {
            return { failure: failureToWire(embeddingFailures.failedToUpdate(found.embeddingId, found.key, `the state is not JSON: ${desired.slice(0, 100)}`)) };
        }
        const updated = await found.processor.update(found.key, desired, found.executionContext);
        if (!updated.succeeded) {
            return { failure: failureToWire(updated.failure) };
        }
        return { state: { type: dolittle.runtime.projections.ProjectionCurrentStateType.PERSISTED, key: found.key, state: updated.value } };
    };

    const deleteKey = async (request: InstanceType<Embeddings['DeleteRequest']>): Promise<DeleteResponse> => {
        const found = processorFor(request, embeddingFailures.failedToDelete);
        if (!found.found) {
            return { failure: failureToWire(found.failure) };
        }
        const deleted = await found.processor.delete(found.key, found.executionContext);
        return deleted.succeeded ? {} : { failure: failureToWire(deleted.failure) };
    };

    return {
        definition: embeddingsService,
        implementation: {
            connect,
            update: calls.answer('Update', update, (failure): UpdateResponse => ({ failure: failureToWire(failure) })),
            delete: calls.answer('Delete', deleteKey, (failure): DeleteResponse => ({ failure: failureToWire(failure) })),
        },
    };
}
