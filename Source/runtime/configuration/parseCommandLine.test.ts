import { describe, expect, it } from 'vitest';
import type { CommandLineEnvironment } from './CommandLineEnvironment.js';
import { commandLineSyntax } from './commandLineSyntax.js';
import { parseCommandLine, type ParsedCommandLine } from './parseCommandLine.js';

const environment: CommandLineEnvironment = { workingDirectory: '/work', variables: {}, standardOutputIsTerminal: false };

function options(parsed: ParsedCommandLine) {
    if (parsed.kind !== 'run') {
        throw new Error(`Expected options, got ${JSON.stringify(parsed)}`);
    }
    return parsed.options;
}

function message(parsed: ParsedCommandLine): string {
    if (parsed.kind !== 'invalid') {
        throw new Error(`Expected errors, got ${parsed.kind}`);
    }
    return parsed.message;
}

describe('when parsing the command line', () => {
    describe('and no options are given', () => {
        const parsed = options(parseCommandLine([], environment));
        it('reads the configuration from .dolittle in the working directory', () => expect(parsed.configurationFolder).toBe('/work/.dolittle'));
        it('lets a missing configuration folder mean the development defaults', () => expect(parsed.configurationFolderIsExplicit).toBe(false));
        it('allows 30 seconds for a graceful shutdown', () => expect(parsed.shutdownTimeout).toBe(30_000));
        it('keeps data in .dolittle-data in the working directory', () => expect(parsed.dataFolder).toBe('/work/.dolittle-data'));
        it('maps MongoDB-shaped resources onto the embedded store', () => expect(parsed.store).toBe('embedded'));
        it('uses the local PostgreSQL server', () => expect(parsed.postgresConnectionString).toBe('postgres://postgres@127.0.0.1:5432/postgres'));
        it('logs at info level', () => expect(parsed.logging.level).toBe('info'));
        it('logs JSON lines when standard output is not a terminal', () => expect(parsed.logging.format).toBe('json'));
        it('has no category levels', () => expect(parsed.logging.categoryLevels).toEqual([]));
    });

    describe('and standard output is a terminal', () => {
        it('logs readable lines', () => {
            expect(options(parseCommandLine([], { ...environment, standardOutputIsTerminal: true })).logging.format).toBe('pretty');
        });
    });

    describe('and DOLITTLE_POSTGRES is set', () => {
        it('uses it as the PostgreSQL server', () => {
            const parsed = parseCommandLine([], { ...environment, variables: { DOLITTLE_POSTGRES: 'postgres://db:5432/runtime' } });
            expect(options(parsed).postgresConnectionString).toBe('postgres://db:5432/runtime');
        });
        it('lets --postgres override it', () => {
            const parsed = parseCommandLine(['--postgres', 'postgresql://other/runtime'], { ...environment, variables: { DOLITTLE_POSTGRES: 'postgres://db/x' } });
            expect(options(parsed).postgresConnectionString).toBe('postgresql://other/runtime');
        });
    });

    describe('and every option is given', () => {
        const parsed = options(parseCommandLine([
            '--configuration', 'config', '--data=/var/data', '--store', 'postgres', '--postgres', 'postgres://db/x',
            '--log-level', 'debug', '--log-format', 'pretty', '--log', 'runtime.eventStore=trace', '--log', 'runtime=warn',
        ], environment));
        it('resolves the configuration folder against the working directory', () => expect(parsed.configurationFolder).toBe('/work/config'));
        it('accepts --name=value', () => expect(parsed.dataFolder).toBe('/var/data'));
        it('reads the store', () => expect(parsed.store).toBe('postgres'));
        it('reads the log level', () => expect(parsed.logging.level).toBe('debug'));
        it('reads the log format', () => expect(parsed.logging.format).toBe('pretty'));
        it('reads every category level in order', () => {
            expect(parsed.logging.categoryLevels).toEqual([{ prefix: 'runtime.eventStore', level: 'trace' }, { prefix: 'runtime', level: 'warn' }]);
        });
    });

    describe('and --help is given', () => {
        const parsed = parseCommandLine(['--store', 'nonsense', '--help'], environment);
        it('asks for the help whatever else is given', () => expect(parsed.kind).toBe('help'));
        it('lists every option with its argument', () => {
            const text = parsed.kind === 'help' ? parsed.text : '';
            for (const option of commandLineSyntax) {
                expect(text).toContain(`${option.name}${option.argument === undefined ? '' : ` ${option.argument}`}`);
            }
        });
        it('shows the default of every option that has one', () => {
            const text = parsed.kind === 'help' ? parsed.text : '';
            for (const option of commandLineSyntax.filter((candidate) => candidate.defaultValue !== undefined)) {
                expect(text).toContain(`Default: ${option.defaultValue ?? ''}`);
            }
        });
    });

    describe('and the arguments have errors', () => {
        const text = message(parseCommandLine(['--stor', 'x', 'stray', '--store', 'mongo', '--log-level', 'loud', '--log', 'runtime', '--data'], environment));
        it('names an unknown option', () => expect(text).toContain(`Unknown option "--stor"`));
        it('names an unexpected argument', () => expect(text).toContain(`Unexpected argument "stray"`));
        it('names a store that does not exist', () => expect(text).toContain(`Option '--store' is "mongo"; expected one of embedded, postgres`));
        it('names a log level that does not exist', () => expect(text).toContain(`Option '--log-level' is "loud"; expected one of trace, debug, info, warn, error`));
        it('names a --log without a level', () => expect(text).toContain(`Option '--log' is "runtime"; expected <category prefix>=<level>`));
        it('names an option without its value', () => expect(text).toContain(`Option '--data' needs a value: <folder>`));
        it('points at --help', () => expect(text).toContain('--help'));
    });

    describe('and an option that may appear once is given twice', () => {
        it('refuses it', () => {
            expect(message(parseCommandLine(['--store', 'embedded', '--store', 'postgres'], environment))).toContain(`Option '--store' is given more than once`);
        });
    });

    describe('and the PostgreSQL server is not a postgres URL', () => {
        const text = message(parseCommandLine(['--postgres', 'mysql://admin:hunter2@db/x'], environment));
        it('says so', () => expect(text).toContain(`Option '--postgres' is not a postgres:// or postgresql:// URL`));
        it('does not show the value, which may hold a password', () => expect(text).not.toContain('hunter2'));
    });

    describe('and DOLITTLE_POSTGRES is not a postgres URL', () => {
        it('names the variable without its value', () => {
            const text = message(parseCommandLine([], { ...environment, variables: { DOLITTLE_POSTGRES: 'host=db password=hunter2' } }));
            expect(text).toMatch(/The environment variable DOLITTLE_POSTGRES is not a postgres:\/\/ .*\(the value is not shown\)/);
            expect(text).not.toContain('hunter2');
        });
    });

    describe('and the configuration folder and the shutdown timeout are given', () => {
        const parsed = options(parseCommandLine(['--configuration', 'config', '--shutdown-timeout', '2.5'], environment));
        it('requires the folder to exist', () => expect(parsed.configurationFolderIsExplicit).toBe(true));
        it('reads the timeout in seconds', () => expect(parsed.shutdownTimeout).toBe(2_500));
    });

    describe('and the shutdown timeout is not a positive number', () => {
        it('names the option and the value', () => {
            expect(message(parseCommandLine(['--shutdown-timeout', '-1'], environment))).toContain(`Option '--shutdown-timeout' is`);
        });
    });
});
