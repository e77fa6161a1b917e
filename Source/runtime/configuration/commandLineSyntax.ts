/** One command-line option: its name, its argument, what it does and its default. */
export type CommandLineOption = {
    readonly name: string;
    /** The placeholder of its argument; absent for flags. */
    readonly argument?: string;
    readonly description: string;
    /** The default, as shown in --help. */
    readonly defaultValue?: string;
    /** Whether the option may be given more than once. */
    readonly repeatable?: boolean;
};

/** The postgres server used when neither --postgres nor DOLITTLE_POSTGRES is given (no password). */
export const defaultPostgresConnectionString = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The environment variable that gives the default of --postgres. */
export const postgresEnvironmentVariable = 'DOLITTLE_POSTGRES';

/** The Runtime's command-line options, the one list both parsing and --help use. */
export const commandLineSyntax: ReadonlyArray<CommandLineOption> = [
    {
        name: '--configuration',
        argument: '<folder>',
        description: 'The folder of the configuration files (tenants.json, resources.json, ...).',
        defaultValue: '<working directory>/.dolittle/',
    },
    {
        name: '--data',
        argument: '<folder>',
        description: 'The folder the embedded stores keep their database files in.',
        defaultValue: '<working directory>/.dolittle-data/',
    },
    {
        name: '--store',
        argument: 'embedded|postgres',
        description: 'The backend for resources.json entries in the MongoDB shape of the original Runtime.',
        defaultValue: 'embedded',
    },
    {
        name: '--postgres',
        argument: '<connection string>',
        description: 'The PostgreSQL server (a postgres:// URL) used by --store postgres and by postgres entries without a connectionString.',
        defaultValue: `the environment variable ${postgresEnvironmentVariable}, else ${defaultPostgresConnectionString}`,
    },
    {
        name: '--shutdown-timeout',
        argument: '<seconds>',
        description: 'How long a graceful shutdown (SIGTERM, SIGINT) may take before the Runtime exits anyway (with code 1). A second signal exits at once.',
        defaultValue: '30',
    },
    {
        name: '--log-level',
        argument: 'trace|debug|info|warn|error',
        description: 'The level of every log category without a --log level of its own.',
        defaultValue: 'info',
    },
    {
        name: '--log-format',
        argument: 'json|pretty',
        description: 'JSON lines, or one readable line per message.',
        defaultValue: 'pretty when standard output is a terminal, else json',
    },
    {
        name: '--log',
        argument: '<category prefix>=<level>',
        description: 'The level of the categories starting with a prefix, e.g. --log runtime.eventStore=debug. Repeatable.',
        repeatable: true,
    },
    { name: '--help', description: 'Shows this help and exits.' },
];
