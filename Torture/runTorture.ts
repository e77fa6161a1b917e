import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ThrowAwayPostgresServer } from '../Source/runtime/storage/postgres/given/throwAwayPostgresServer.js';
import { CatchUp } from './check/CatchUp.js';
import { checkRun, type Figure } from './check/checkRun.js';
import { GrowingDeliveries, readDeliveries } from './check/Delivery.js';
import { readStores, type StoreLocation } from './check/readStores.js';
import { ConsumerHeads } from './heads/ConsumerHeads.js';
import { TortureRuntime } from './runtime/TortureRuntime.js';
import { UnaryConnection } from './runtime/UnaryConnection.js';
import type { TortureOptions } from './TortureOptions.js';
import { Ledger } from './writers/Ledger.js';
import { SdkCommitter } from './writers/SdkCommitter.js';
import { EventBudget, runWriter, type TenantAggregates } from './writers/Writer.js';
import { storeNameOf, tortureIdentifiers } from './identifiers.js';
import { subscribeConsumer } from './eventHorizon/subscribeConsumer.js';
import { writeLockFromAnotherProcess } from '../Source/runtime/storage/sqlite/given/writeLockFromAnotherProcess.js';

/** What one backend's run did and found. */
export type TortureResult = {
    readonly backend: 'embedded' | 'postgres';
    readonly folder: string;
    readonly figures: ReadonlyArray<Figure>;
    readonly faults: Readonly<Record<string, number>>;
    readonly commits: Readonly<Record<string, number>>;
    readonly storedEvents: number;
    readonly seconds: number;
};

type Fault = 'runtime' | 'head' | 'postgres' | 'second' | 'lock' | 'consumer';

/** How long a second Runtime runs, and a file stays locked. */
const faultSeconds = 3;

const eventSourcesPerTenant = 50;
const aggregatesPerTenant = 10;
const writerConnections = 8;

/**
 * One torture run on one backend (PostgreSQL when a throw-away server is given, whose schemas it uses and which it
 * restarts; else the embedded store): the writers commit while the consumers handle, project and receive public
 * events over the Event Horizon in a second microservice's Runtime, and the faults strike
 * at planned fractions of the acknowledged events. Then the consumers get time to catch up, and the checker counts.
 */
export async function runTorture(options: TortureOptions, folder: string, postgres: ThrowAwayPostgresServer | undefined, log: (line: string) => void): Promise<TortureResult> {
    const started = Date.now();
    const backend = postgres === undefined ? 'embedded' : 'postgres';
    await mkdir(folder, { recursive: true });
    const location: StoreLocation = postgres === undefined
        ? { kind: 'embedded', dataFolder: join(folder, 'data'), consumerDataFolder: join(folder, 'consumer', 'data') }
        : { kind: 'postgres', connectionString: postgres.connectionString };
    const storeArguments = postgres === undefined ? [] : ['--store', 'postgres', '--postgres', postgres.connectionString];
    const runtime = await TortureRuntime.start(folder, storeArguments, options.runtimeMain);
    // The Event Horizon: a consumer microservice's Runtime subscribes every tenant to the producer's public partition.
    const consumer = await TortureRuntime.startConsumer(folder, runtime.publicPort!, storeArguments, options.runtimeMain);
    await subscribeConsumer(consumer.address!, log);
    const heads = new ConsumerHeads(join(folder, 'deliveries.csv'), join(folder, 'heads.log'));
    heads.start(runtime.address!);
    // Every eighth writer commits its plain events through the official SDK 17.
    const sdk = new SdkCommitter();
    sdk.start(runtime.address!);
    const faults: Record<Fault, number> = { runtime: 0, head: 0, postgres: 0, second: 0, lock: 0, consumer: 0 };
    // While a second Runtime runs on the same stores, every fourth writer connection commits through it.
    let second: TortureRuntime | undefined;
    try {
        const ledger = new Ledger();
        const plan = faultPlan(options, backend);
        const connections = Array.from({ length: writerConnections }, (_, index) => new UnaryConnection(() => (index % 4 === 3 ? second?.address : undefined) ?? runtime.address));
        const budget = new EventBudget(options.events);
        const aggregates: ReadonlyArray<TenantAggregates> = tortureIdentifiers.tenants.map(() => new Map(Array.from({ length: aggregatesPerTenant }, () => [randomUUID(), undefined])));
        const eventSources = tortureIdentifiers.tenants.map(() => Array.from({ length: eventSourcesPerTenant }, () => randomUUID()));
        let writing = true;
        const writers = Promise.all(
            Array.from({ length: options.writers }, (_, index) => {
                const tenant = index % tortureIdentifiers.tenants.length;
                const context = { index, tenant, connection: connections[index % writerConnections]!, budget, ledger, eventSources: eventSources[tenant]!, aggregates: aggregates[tenant]!, random: Math.random };
                return runWriter(index % 8 === 7 ? { ...context, sdk } : context);
            }),
        ).finally(() => {
            writing = false;
        });
        // The faults strike while the writers write, each when its share of the events is spent; the writers are held
        // half-way to the next fault's share, should this one take long (a restart), so that none is left out.
        for (const [index, fault] of plan.entries()) {
            const next = plan[index + 1]?.atEvents ?? options.events;
            budget.limit(Math.floor((fault.atEvents + next) / 2));
            while (writing && budget.spent < fault.atEvents) {
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
            if (!writing) {
                break;
            }
            if (fault.kind === 'second') {
                log(`  fault: a second Runtime on the same stores for ${faultSeconds} s, taking a quarter of the writers`);
                second = await TortureRuntime.startAnother(folder, storeArguments, `second-runtime-${faults.second + 1}`, options.runtimeMain);
                await new Promise((resolve) => setTimeout(resolve, faultSeconds * 1_000));
                const stopping = second;
                second = undefined;
                await stopping.kill();
            } else if (fault.kind === 'lock') {
                const tenant = faults.lock % tortureIdentifiers.tenants.length;
                log(`  fault: another process write-locks tenant ${tenant}'s database file for ${faultSeconds} s`);
                const lock = await writeLockFromAnotherProcess(join(folder, 'data', `${storeNameOf(tenant)}.sqlite`));
                await new Promise((resolve) => setTimeout(resolve, faultSeconds * 1_000));
                await lock.release();
            } else if (fault.kind === 'consumer') {
                log('  fault: SIGKILL the Event Horizon consumer\'s Runtime, start it again, subscribe again');
                await consumer.kill();
                await consumer.restart();
                await subscribeConsumer(consumer.address!, log);
            } else {
                await strike(fault.kind, runtime, heads, postgres, log);
                if (fault.kind === 'runtime') {
                    await sdk.moved(runtime.address!);
                }
            }
            faults[fault.kind] += 1;
        }
        budget.limit(Number.MAX_SAFE_INTEGER);
        await writers;
        connections.forEach((connection) => connection.close());
        await sdk.stop();
        const brokenThroughSdk = ledger.commits.filter((commit) => commit.kind === 'sdk events' && commit.outcome === 'unknown').slice(0, 3);
        brokenThroughSdk.forEach((commit) => log(`  an SDK commit broke: ${commit.reason ?? ''}`.slice(0, 300)));
        log(`[${backend}] writers done: ${ledger.acknowledgedEvents} events acknowledged; waiting for the consumers to catch up`);
        // The consumers may take as long as they keep moving: a long run's handlers are far behind when the writers
        // finish (they take one event at a time from a head), and only a stop of catchUpSeconds is a stall.
        let deadline = Date.now() + options.catchUpSeconds * 1_000;
        let reached = 0;
        const catchUp = new CatchUp();
        const deliveries = new GrowingDeliveries(join(folder, 'deliveries.csv'));
        let nextProgress = Date.now() + 60_000;
        for (;;) {
            const stores = await readStores(location, catchUp.seen);
            catchUp.add(stores, deliveries.readNew());
            if (catchUp.caughtUp(stores.map((store) => store.readModels))) {
                break;
            }
            if (catchUp.reached > reached) {
                reached = catchUp.reached;
                deadline = Date.now() + options.catchUpSeconds * 1_000;
            } else if (Date.now() >= deadline) {
                log(`  the consumers stopped moving for ${options.catchUpSeconds} s: ${catchUp.progress()}`);
                break;
            }
            if (Date.now() >= nextProgress) {
                log(`  catching up: ${catchUp.progress()}`);
                nextProgress = Date.now() + 60_000;
            }
            await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
        await heads.stop();
        await consumer.stop();
        await runtime.stop();
        const stores = await readStores(location);
        const figures = checkRun(ledger.commits, stores, readDeliveries(join(folder, 'deliveries.csv')), { positionsMayGoBack: faults.postgres > 0 });
        const commits: Record<string, number> = {};
        for (const commit of ledger.commits) {
            const name = `${commit.kind} ${commit.outcome}`;
            commits[name] = (commits[name] ?? 0) + 1;
        }
        return {
            backend,
            folder,
            figures,
            faults: {
                'Runtime SIGKILLs': faults.runtime,
                'head SIGKILLs': faults.head,
                'PostgreSQL restarts': faults.postgres,
                'second Runtimes': faults.second,
                'file locks': faults.lock,
                'Event Horizon consumer SIGKILLs': faults.consumer,
            },
            commits,
            storedEvents: stores.reduce((sum, store) => sum + store.events.length, 0),
            seconds: (Date.now() - started) / 1_000,
        };
    } finally {
        await second?.kill().catch(() => undefined);
        await sdk.stop().catch(() => undefined);
        await heads.stop().catch(() => undefined);
        await consumer.stop().catch(() => undefined);
        await runtime.stop().catch(() => undefined);
    }
}

/** The faults of a run, in order, each at the number of acknowledged events where it strikes. */
function faultPlan(options: TortureOptions, backend: 'embedded' | 'postgres'): ReadonlyArray<{ readonly kind: Fault; readonly atEvents: number }> {
    const kinds: Fault[] = [
        ...Array.from({ length: options.runtimeKills }, (): Fault => 'runtime'),
        ...Array.from({ length: options.headKills }, (): Fault => 'head'),
        ...Array.from({ length: backend === 'postgres' ? options.postgresRestarts : 0 }, (): Fault => 'postgres'),
        ...Array.from({ length: options.secondRuntimes }, (): Fault => 'second'),
        ...Array.from({ length: backend === 'embedded' ? options.fileLocks : 0 }, (): Fault => 'lock'),
        ...Array.from({ length: options.consumerKills }, (): Fault => 'consumer'),
    ];
    // Interleave the kinds (one of each in turn), spread evenly over the first 90 % of the run.
    const queues = (['runtime', 'head', 'postgres', 'second', 'lock', 'consumer'] as const).map((name) => kinds.filter((kind) => kind === name));
    const interleaved: Fault[] = [];
    while (queues.some((queue) => queue.length > 0)) {
        for (const queue of queues) {
            const next = queue.shift();
            if (next !== undefined) {
                interleaved.push(next);
            }
        }
    }
    return interleaved.map((kind, index) => ({ kind, atEvents: Math.floor((options.events * 0.9 * (index + 1)) / (interleaved.length + 1)) }));
}

async function strike(kind: 'runtime' | 'head' | 'postgres', runtime: TortureRuntime, heads: ConsumerHeads, postgres: ThrowAwayPostgresServer | undefined, log: (line: string) => void): Promise<void> {
    if (kind === 'runtime') {
        log('  fault: SIGKILL the Runtime, start it again');
        await runtime.kill();
        await runtime.restart();
        heads.moved(runtime.address!);
    } else if (kind === 'head') {
        log('  fault: SIGKILL the consumer head, start it again');
        await heads.killAndRestart(runtime.address!);
    } else if (postgres !== undefined) {
        log('  fault: stop PostgreSQL as a crash does, start it again after 2 s');
        await postgres.stop('immediate');
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        await postgres.start();
    }
}
