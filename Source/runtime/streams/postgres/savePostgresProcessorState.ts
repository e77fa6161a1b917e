import type pg from 'pg';
import type { StreamProcessorKey } from '../StreamProcessorKey.js';
import type { StreamProcessorState } from '../StreamProcessorState.js';
import { postgresStreamStatements as statements } from './postgresStreamStatements.js';
import { failingPartitionsToParameters, stateToParameters } from './stateRows.js';

/**
 * Saves a stream processor's state on a connection in the caller's transaction, for a feature that commits its own
 * rows and its processor's position together (projections: a read model and the position after the event that
 * made it). The statement sets synchronous_commit off for that transaction, as every processor state save does.
 */
export async function savePostgresProcessorState(client: pg.ClientBase, processor: StreamProcessorKey, state: StreamProcessorState): Promise<void> {
    const failingPartitions = failingPartitionsToParameters(state);
    if (failingPartitions === undefined) {
        await client.query({ name: 'streams.saveStateWithoutFailingPartitions', text: statements.saveStateWithoutFailingPartitions, values: stateToParameters(processor, state) });
        return;
    }
    await client.query({ name: 'streams.saveState', text: statements.saveState, values: [...stateToParameters(processor, state), ...failingPartitions] });
}
