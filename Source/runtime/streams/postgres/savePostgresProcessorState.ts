import type pg from 'pg';
import type { StreamProcessorKey } from '../StreamProcessorKey.js';
import type { StreamProcessorState } from '../StreamProcessorState.js';
import { postgresStreamStatements as statements } from './postgresStreamStatements.js';
import { failingPartitionsToParameters, stateToParameters } from './stateRows.js';

/**
 * Saves a stream processor's state on a connection in the caller's transaction, for a feature that commits its own
 * rows and its processor's position together (projections: a read model and the position after the event that
 * made it). Unlike a plain position save, it leaves synchronous_commit as it is, so the caller's transaction waits for
 * the WAL flush: its rows must not be lost in a server crash while the processor goes on from memory.
 */
export async function savePostgresProcessorState(client: pg.ClientBase, processor: StreamProcessorKey, state: StreamProcessorState): Promise<void> {
    const failingPartitions = failingPartitionsToParameters(state);
    if (failingPartitions === undefined) {
        await client.query({ name: 'streams.saveStateDurablyWithoutFailingPartitions', text: statements.saveStateDurablyWithoutFailingPartitions, values: stateToParameters(processor, state) });
        return;
    }
    await client.query({ name: 'streams.saveStateDurably', text: statements.saveStateDurably, values: [...stateToParameters(processor, state), ...failingPartitions] });
}
