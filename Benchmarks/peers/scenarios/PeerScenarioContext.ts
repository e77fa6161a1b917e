import type { PeerSizes } from '../PeerOptions.js';
import type { PeerStore, PeerSystem } from '../PeerSystem.js';
import type { EventNumbers } from './EventNumbers.js';

/** What a scenario runs against: one system, a fresh store of it, the sizes, and the run's event numbers. */
export type PeerScenarioContext = {
    readonly system: PeerSystem;
    readonly store: PeerStore;
    readonly sizes: PeerSizes;
    readonly numbers: EventNumbers;
};
