import { Client, type ClientBuilder } from '@dolittle/sdk';
import { CancellationSource } from '@dolittle/sdk.resilience';
import { RecordingLogger } from './RecordingLogger.js';
import type { RuntimeUnderTest } from './RuntimeUnderTest.js';

/** The microservice the tutorials and the development Runtime use. */
export const tutorialMicroservice = 'f39b1f61-d360-4675-b859-53c05c87c0e6';

/** An SDK client connected to a test Runtime, with what the SDK logged and a way to disconnect it. */
export type ConnectedClient = {
    readonly client: Client;
    readonly sdkLogs: RecordingLogger;
    /** Cancels the client's processors (event handlers, filters): their streams end and the SDK stops reconnecting. */
    disconnect(): void;
};

/**
 * Builds an official SDK client against the Runtime's private port. `configure` adds event types, event handlers and
 * filters; registration starts as soon as the client is built.
 */
export function connectClient(
    runtime: Pick<RuntimeUnderTest, 'privatePort'> & { readonly address?: string },
    configure: (builder: ClientBuilder) => ClientBuilder = (builder) => builder,
    microservice: string = tutorialMicroservice,
): ConnectedClient {
    const cancellation = new CancellationSource();
    const sdkLogs = new RecordingLogger();
    const builder = Client.forMicroservice(microservice)
        .withRuntimeOn(runtime.address ?? '127.0.0.1', runtime.privatePort)
        .withLogging(sdkLogs.logger)
        .withCancellation(cancellation.cancellation);
    const client = configure(builder).build();
    return { client, sdkLogs, disconnect: () => cancellation.cancel() };
}
