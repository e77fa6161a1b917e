// A head for the end-to-end tests: registers one event handler for one event type against a Runtime and writes a JSON
// line for every event it handles. It never acknowledges the event whose content `n` equals `hangOn`, so a test can kill
// it with an event in flight.
// Argument: one JSON object { port, eventHandlerId, eventTypeId, partitioned, hangOn? }.
import { connectClient } from '../connectClient.js';

type HeadArguments = {
    readonly port: number;
    readonly eventHandlerId: string;
    readonly eventTypeId: string;
    readonly partitioned: boolean;
    readonly hangOn?: number;
};

const headArguments = JSON.parse(process.argv[2] ?? '{}') as HeadArguments;
const write = (message: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(message)}\n`);

connectClient({ privatePort: headArguments.port }, (builder) =>
    builder.withEventHandlers((eventHandlers) => {
        eventHandlers.createEventHandler(headArguments.eventHandlerId, (eventHandler) => {
            const methods = headArguments.partitioned ? eventHandler.partitioned() : eventHandler.unpartitioned();
            methods.handle(headArguments.eventTypeId, async (event: Record<string, unknown>, context) => {
                write({
                    kind: 'handled',
                    content: event,
                    sequenceNumber: context.sequenceNumber,
                    eventSourceId: context.eventSourceId.toString(),
                    tenant: context.executionContext.tenantId.toString(),
                });
                if (headArguments.hangOn !== undefined && event['n'] === headArguments.hangOn) {
                    await new Promise(() => undefined);
                }
            });
        });
    }),
);
write({ kind: 'started' });
