import { ConfigurationIsInvalid, loadRuntimeConfiguration, parseCommandLine } from './configuration/index.js';
import { startHost } from './host/Host.js';
import { hostLogMessages as messages } from './host/logMessages.js';
import { createLogging } from './logging/index.js';

// Reads the command line and configuration, starts the Runtime, and stops it gracefully on SIGINT/SIGTERM: within
// --shutdown-timeout, else it exits with code 1; a second signal exits at once (code 1).
const parsed = parseCommandLine(process.argv.slice(2));
if (parsed.kind === 'help') {
    process.stdout.write(`${parsed.text}\n`);
    process.exit(0);
}
if (parsed.kind === 'invalid') {
    process.stderr.write(`${parsed.message}\n`);
    process.exit(2);
}
const runtimeLogger = createLogging(parsed.options.logging)('runtime');
const logger = runtimeLogger.forCategory('host');
try {
    const { configuration, warnings } = await loadRuntimeConfiguration(parsed.options);
    logger.log(messages.starting, {
        configuration: configuration.configurationFolder,
        data: configuration.dataFolder,
        microservice: configuration.microserviceId,
        tenants: configuration.tenants.length,
    });
    for (const warning of warnings) {
        logger.log(messages.configurationWarning, { warning });
    }
    const host = await startHost(configuration, runtimeLogger);
    let stopping = false;
    const { shutdownTimeout } = parsed.options;
    const stop = (signal: string): void => {
        if (stopping) {
            logger.log(messages.signalledAgain, { signal });
            process.exit(1);
        }
        stopping = true;
        logger.log(messages.signalled, { signal, shutdownTimeout });
        setTimeout(() => {
            logger.log(messages.shutdownTimedOut, { shutdownTimeout });
            process.exit(1);
        }, shutdownTimeout).unref();
        // Half of the time for the calls in flight; the rest for the processors and the stores to close.
        host.stop(shutdownTimeout / 2).then(
            () => process.exit(0),
            (error: unknown) => {
                logger.log(messages.startFailed, { error: String(error) });
                process.exit(1);
            },
        );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
    if (error instanceof ConfigurationIsInvalid) {
        process.stderr.write(`${error.message}\n`);
        process.exit(3);
    }
    logger.log(messages.startFailed, { error: error instanceof Error ? error.message : String(error) });
    process.stderr.write(`The Runtime could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
}
