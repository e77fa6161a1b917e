import { Client } from '../Client.js';
import type { ClientBuilder } from '../ClientBuilder.js';
import { structuredLogger } from '../logging/Logger.js';

/** Log lines a test client wrote, kept for assertions and for printing when a test fails. */
export type RecordedLines = { readonly lines: string[] };

/**
 * Builds one of our SDK's clients against a test Runtime, with short pings and reconnects so that tests need not wait
 * long, recording its JSON log lines instead of printing them.
 */
export function connectOurClient(
    runtime: { readonly address: string; readonly privatePort: number },
    configure: (builder: ClientBuilder) => ClientBuilder = (builder) => builder,
    recorded: RecordedLines = { lines: [] },
    microservice = 'f39b1f61-d360-4675-b859-53c05c87c0e6',
): Client {
    const builder = Client.forMicroservice(microservice)
        .withRuntimeOn(runtime.address, runtime.privatePort)
        .withLogging(structuredLogger({ level: 'debug', write: (line) => recorded.lines.push(line) }))
        .withPingInterval(1_000)
        .withReconnectPolicy({ initialMilliseconds: 100, maximumMilliseconds: 1_000 });
    return configure(builder).build();
}
