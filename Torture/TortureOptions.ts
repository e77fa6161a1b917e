import { parseArgs } from 'node:util';

/** How a torture run is made. */
export type TortureOptions = {
    readonly events: number;
    readonly backends: ReadonlyArray<'embedded' | 'postgres'>;
    readonly writers: number;
    /** SIGKILLs of the Runtime, spread over the run. */
    readonly runtimeKills: number;
    /** SIGKILLs of the consumer head, spread over the run. */
    readonly headKills: number;
    /** Stops (immediate, as a crash) and starts of the PostgreSQL server, spread over the run; PostgreSQL only. */
    readonly postgresRestarts: number;
    /** Times a second Runtime is started on the same stores for a few seconds, taking some of the writers. */
    readonly secondRuntimes: number;
    /** Times a tenant's embedded database file is write-locked by another process for a few seconds; embedded only. */
    readonly fileLocks: number;
    /** SIGKILLs of the Event Horizon consumer's Runtime (the producer's are the Runtime kills). */
    readonly consumerKills: number;
    /** How long the consumers may go without moving while they catch up after the writers finish. */
    readonly catchUpSeconds: number;
    /** The Runtime's main.js to torture; the repository's build when left out (e.g. a build with a planted fault). */
    readonly runtimeMain: string | undefined;
    /** Where the runs' folders go; a temporary folder when left out. */
    readonly folder: string | undefined;
};

export const tortureUsage = `npm run torture -- [options]

  --events <count>             events the writers commit per backend (default 20000)
  --backend <embedded|postgres|both>   (default both)
  --writers <count>            concurrent writers over the three tenants (default 64)
  --kills <count>              SIGKILLs of the Runtime in the run (default: 1 per 5,000 events, at least 3, at most 20)
  --head-kills <count>         SIGKILLs of the consumer head (default 1)
  --postgres-restarts <count>  crash-stops and starts of PostgreSQL (default 2)
  --second-runtimes <count>    a second Runtime on the same stores for a few seconds (default 1)
  --file-locks <count>         the embedded file write-locked by another process for a few seconds (default 1)
  --consumer-kills <count>     SIGKILLs of the Event Horizon consumer microservice's Runtime (default 1)
  --catch-up <seconds>         how long the consumers may go without moving while they catch up at the end (default 180)
  --runtime-main <main.js>     torture another build of the Runtime (e.g. one with a planted fault)
  --folder <path>              keep the runs' folders (logs, stores, deliveries) there
  --help`;

/** Reads the command line; throws with the usage on a bad option. */
export function parseTortureOptions(argv: ReadonlyArray<string>): TortureOptions | 'help' {
    const { values } = parseArgs({
        args: [...argv],
        options: {
            events: { type: 'string' },
            backend: { type: 'string' },
            writers: { type: 'string' },
            kills: { type: 'string' },
            'head-kills': { type: 'string' },
            'postgres-restarts': { type: 'string' },
            'catch-up': { type: 'string' },
            'second-runtimes': { type: 'string' },
            'file-locks': { type: 'string' },
            'consumer-kills': { type: 'string' },
            folder: { type: 'string' },
            'runtime-main': { type: 'string' },
            help: { type: 'boolean' },
        },
        strict: true,
    });
    if (values.help === true) {
        return 'help';
    }
    const events = count(values.events, 20_000, '--events', 1);
    const backend = values.backend ?? 'both';
    if (!['embedded', 'postgres', 'both'].includes(backend)) {
        throw new Error(`--backend must be embedded, postgres or both, not ${JSON.stringify(backend)}\n\n${tortureUsage}`);
    }
    return {
        events,
        backends: backend === 'both' ? ['embedded', 'postgres'] : [backend as 'embedded' | 'postgres'],
        writers: count(values.writers, 64, '--writers', 1),
        runtimeKills: count(values.kills, Math.min(20, Math.max(3, Math.floor(events / 5_000))), '--kills', 0),
        headKills: count(values['head-kills'], 1, '--head-kills', 0),
        postgresRestarts: count(values['postgres-restarts'], 2, '--postgres-restarts', 0),
        secondRuntimes: count(values['second-runtimes'], 1, '--second-runtimes', 0),
        fileLocks: count(values['file-locks'], 1, '--file-locks', 0),
        consumerKills: count(values['consumer-kills'], 1, '--consumer-kills', 0),
        catchUpSeconds: count(values['catch-up'], 180, '--catch-up', 1),
        folder: values.folder,
        runtimeMain: values['runtime-main'],
    };
}

function count(text: string | undefined, fallback: number, option: string, least: number): number {
    if (text === undefined) {
        return fallback;
    }
    const value = Number(text);
    if (!Number.isInteger(value) || value < least) {
        throw new Error(`${option} must be a whole number of at least ${least}, not ${JSON.stringify(text)}\n\n${tortureUsage}`);
    }
    return value;
}
