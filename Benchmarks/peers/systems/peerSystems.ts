import type { PeerSystem } from '../PeerSystem.js';
import { dolittleLean } from './dolittle/dolittleLean.js';
import { dolittleOurSdk } from './dolittle/dolittleOurSdk.js';
import { dolittleSdk17 } from './dolittle/dolittleSdk17.js';
import { emmettPostgres } from './emmettPostgres.js';
import { emmettSqlite } from './emmettSqlite.js';
import { messageDb } from './messageDb.js';
import { rawPostgres } from './rawPostgres.js';

/**
 * Every system of the comparison, in the order they run: the ceiling first, then the peers, then ours. A new system
 * is one file implementing PeerSystem and one line here.
 */
export const peerSystems: ReadonlyArray<PeerSystem> = [
    rawPostgres,
    messageDb,
    emmettPostgres,
    emmettSqlite,
    dolittleLean('postgres'),
    dolittleSdk17('postgres'),
    dolittleOurSdk('postgres'),
    dolittleLean('embedded'),
];
