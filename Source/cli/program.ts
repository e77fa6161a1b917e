import { Command, Option } from 'commander';
import { addEventStoreCommands } from './eventStoreCommands.js';
import { exitCodes } from './exitCodes.js';
import { ManagementClient, RuntimeIsNotReachable, RuntimeRefused } from './ManagementClient.js';
import type { CommonOptions } from './output.js';
import { addProcessorCommands, type WithClient } from './processorCommands.js';

/** The development tenant of the Runtime's defaults. */
export const developmentTenant = '445f8ea8-1a6f-40d7-b2fc-796dba92dc44';

/** Where the Runtime's management API listens by default. */
export const defaultRuntime = 'localhost:51052';

/**
 * The `dolittle` command: `dolittle runtime <area> <action>`, each with --help. A command's outcome becomes the
 * process's exit code (see exitCodes.ts); errors are one line on standard error.
 */
export function dolittleProgram(): Command {
    const program = new Command('dolittle')
        .description('See and steer a running Dolittle Runtime through its management API.')
        .addOption(new Option('--runtime <host:port>', 'the address of the Runtime\'s management API').default(defaultRuntime).env('DOLITTLE_RUNTIME'))
        .addOption(new Option('--tenant <id>', 'the tenant to show or change').default(developmentTenant))
        .addOption(new Option('--output <format>', 'tables for people, or JSON for scripts').choices(['table', 'json']).default('table'))
        .showHelpAfterError('(add --help for usage)')
        .exitOverride();
    const runtime = program.command('runtime').description('a running Runtime: its processors, event store and subscriptions').exitOverride();
    const withClient: WithClient = async (command, work) => {
        const options = command.optsWithGlobals<CommonOptions>();
        const client = new ManagementClient(options.runtime);
        try {
            const code = await work(client, options);
            process.exitCode = code ?? exitCodes.succeeded;
        } catch (error) {
            process.exitCode = report(error);
        } finally {
            client.close();
        }
    };
    addProcessorCommands(runtime, withClient);
    addEventStoreCommands(runtime, withClient);
    for (const command of allCommands(program)) {
        command.exitOverride();
    }
    return program;
}

function* allCommands(command: Command): Generator<Command> {
    yield command;
    for (const child of command.commands) {
        yield* allCommands(child);
    }
}

function report(error: unknown): number {
    if (error instanceof RuntimeIsNotReachable) {
        process.stderr.write(`dolittle: ${error.message}\n`);
        return exitCodes.unreachable;
    }
    if (error instanceof RuntimeRefused) {
        process.stderr.write(`dolittle: the Runtime refused: ${error.reason}\n`);
        return exitCodes.refused;
    }
    process.stderr.write(`dolittle: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodes.unexpected;
}
