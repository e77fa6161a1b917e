// Commits for the torture run through the official SDK 17, in a process of its own (the SDK's client is bound to one
// address, so the run starts this process again after each Runtime restart). It takes commit requests over IPC and
// answers each with what the SDK said: the sequence numbers, the failure, or the error it threw.
// Argument: the Runtime's address (host:port).
import { Client } from '@dolittle/sdk';
import { EventSourceId, EventTypeId } from '@dolittle/sdk.events';
import { tortureIdentifiers } from '../identifiers.js';
import type { SdkCommitAnswer, SdkCommitRequest } from './SdkCommitter.js';

const [host, port] = (process.argv[2] ?? '127.0.0.1:50053').split(':');
const client = Client.forMicroservice(tortureIdentifiers.microservice).withRuntimeOn(host ?? '127.0.0.1', Number(port)).build();
const answer = (message: SdkCommitAnswer) => process.send?.(message);

process.on('message', (request: SdkCommitRequest) => {
    void (async () => {
        try {
            const result = await client.eventStore.forTenant(tortureIdentifiers.tenants[request.tenant]!).commit(request.events.map((event) => ({
                content: { id: event.id },
                eventSourceId: EventSourceId.from(event.eventSource),
                eventType: EventTypeId.from(tortureIdentifiers.ordered),
                public: false,
            })));
            if (result.failed) {
                answer({ number: request.number, outcome: 'refused', reason: result.failure?.reason.value ?? '', sequenceNumbers: [] });
            } else {
                answer({ number: request.number, outcome: 'acknowledged', sequenceNumbers: result.events.toArray().map((event) => event.eventLogSequenceNumber.value) });
            }
        } catch (error) {
            answer({ number: request.number, outcome: 'unknown', reason: String(error), sequenceNumbers: [] });
        }
    })();
});
process.on('disconnect', () => process.exit(0));
