#!/usr/bin/env node
// The `dolittle` bin: parses the command line and runs the command; the exit codes are in exitCodes.ts.
import { CommanderError } from 'commander';
import { exitCodes } from './exitCodes.js';
import { dolittleProgram } from './program.js';

try {
    await dolittleProgram().parseAsync(process.argv);
} catch (error) {
    if (error instanceof CommanderError) {
        const asked = error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version';
        process.exitCode = asked ? exitCodes.succeeded : exitCodes.usage;
    } else {
        process.stderr.write(`dolittle: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = exitCodes.unexpected;
    }
}
