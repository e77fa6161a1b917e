import { resolve } from 'node:path';
import { isLogLevel, logLevels } from '../logging/index.js';
import { commandLineHelp } from './commandLineHelp.js';
import { processEnvironment, type CommandLineEnvironment } from './CommandLineEnvironment.js';
import type { CommandLineOptions } from './CommandLineOptions.js';
import { describeFoundValue } from './describeFoundValue.js';
import { commandLineSyntax, defaultPostgresConnectionString, postgresEnvironmentVariable } from './commandLineSyntax.js';

/** What the command line asks for: run with options, show the help, or the errors in the arguments. */
export type ParsedCommandLine =
    | { readonly kind: 'run'; readonly options: CommandLineOptions }
    | { readonly kind: 'help'; readonly text: string }
    | { readonly kind: 'invalid'; readonly message: string };

const postgresUrl = /^postgres(ql)?:\/\//;

/** Parses the Runtime's arguments (without the node and script paths), collecting every error in them. */
export function parseCommandLine(argv: ReadonlyArray<string>, environment: CommandLineEnvironment = processEnvironment()): ParsedCommandLine {
    const errors: string[] = [];
    const given = new Map<string, string[]>();
    for (let index = 0; index < argv.length; index += 1) {
        const argument = argv[index] ?? '';
        const equals = argument.indexOf('=');
        const name = argument.startsWith('--') && equals > 0 ? argument.slice(0, equals) : argument;
        const option = commandLineSyntax.find((candidate) => candidate.name === name);
        if (option === undefined) {
            errors.push(argument.startsWith('-') ? `Unknown option ${describeFoundValue(name)}` : `Unexpected argument ${describeFoundValue(argument)}`);
            continue;
        }
        if (option.name === '--help') {
            return { kind: 'help', text: commandLineHelp() };
        }
        let value: string | undefined = name === argument ? undefined : argument.slice(equals + 1);
        if (value === undefined && argv[index + 1] !== undefined && !argv[index + 1]?.startsWith('--')) {
            index += 1;
            value = argv[index];
        }
        if (value === undefined || value === '') {
            errors.push(`Option '${option.name}' needs a value: ${option.argument ?? ''}`);
            continue;
        }
        const values = given.get(option.name) ?? [];
        if (values.length > 0 && option.repeatable !== true) {
            errors.push(`Option '${option.name}' is given more than once`);
        }
        given.set(option.name, [...values, value]);
    }
    const single = (name: string): string | undefined => given.get(name)?.[0];
    const choice = <T extends string>(name: string, choices: ReadonlyArray<T>, fallback: T): T => {
        const value = single(name);
        if (value === undefined) {
            return fallback;
        }
        if (!(choices as ReadonlyArray<string>).includes(value)) {
            errors.push(`Option '${name}' is ${describeFoundValue(value)}; expected one of ${choices.join(', ')}`);
        }
        return value as T;
    };

    const store = choice('--store', ['embedded', 'postgres'], 'embedded');
    const level = choice('--log-level', logLevels, 'info');
    const format = choice('--log-format', ['json', 'pretty'], environment.standardOutputIsTerminal ? 'pretty' : 'json');
    const categoryLevels = (given.get('--log') ?? []).flatMap((value) => {
        const [prefix, categoryLevel, ...rest] = value.split('=');
        if (prefix === undefined || prefix === '' || !isLogLevel(categoryLevel) || rest.length > 0) {
            errors.push(`Option '--log' is ${describeFoundValue(value)}; expected <category prefix>=<level>, e.g. runtime.eventStore=debug`);
            return [];
        }
        return [{ prefix, level: categoryLevel }];
    });
    const postgresConnectionString = postgresServer(single('--postgres'), environment, errors);
    const shutdownTimeout = seconds('--shutdown-timeout', single('--shutdown-timeout'), 30, errors);

    if (errors.length > 0) {
        return { kind: 'invalid', message: [...errors, 'Run with --help to see the options.'].join('\n') };
    }
    const options: CommandLineOptions = {
        configurationFolder: resolve(environment.workingDirectory, single('--configuration') ?? '.dolittle'),
        configurationFolderIsExplicit: single('--configuration') !== undefined,
        dataFolder: resolve(environment.workingDirectory, single('--data') ?? '.dolittle-data'),
        store,
        postgresConnectionString,
        shutdownTimeout,
        logging: { level, format, categoryLevels },
    };
    return { kind: 'run', options };
}

// A positive number of seconds, as milliseconds.
function seconds(name: string, value: string | undefined, fallback: number, errors: string[]): number {
    if (value === undefined) {
        return fallback * 1000;
    }
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) {
        errors.push(`Option '${name}' is ${describeFoundValue(value)}; expected a positive number of seconds`);
    }
    return parsed * 1000;
}

function postgresServer(option: string | undefined, environment: CommandLineEnvironment, errors: string[]): string {
    const variable = environment.variables[postgresEnvironmentVariable];
    const value = option ?? (variable === '' ? undefined : variable) ?? defaultPostgresConnectionString;
    if (!postgresUrl.test(value)) {
        // The value is not repeated: a connection string may hold a password.
        const source = option === undefined ? `The environment variable ${postgresEnvironmentVariable}` : `Option '--postgres'`;
        errors.push(`${source} is not a postgres:// or postgresql:// URL (the value is not shown)`);
    }
    return value;
}
