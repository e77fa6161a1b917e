import type { SqliteDatabase } from '../../storage/sqlite/index.js';
import { sqliteStreamStatements } from './sqliteStreamStatements.js';
import { failingPartitionToParameters, stateToParameters } from './stateRows.js';
import type { StreamProcessorKey } from '../StreamProcessorKey.js';
import type { StreamProcessorState } from '../StreamProcessorState.js';

/**
 * Writes a stream processor's state with the caller's transaction, for a feature that commits its own rows and its
 * processor's position together (projections: a read model and the position after the event that made it).
 */
export function sqliteProcessorStateWriter(database: SqliteDatabase): (processor: StreamProcessorKey, state: StreamProcessorState) => void {
    const statements = sqliteStreamStatements(database);
    return (processor, state) => {
        statements.saveState.run(stateToParameters(processor, state));
        if (state.partitioned) {
            statements.removeFailingPartitions.run(processor.scope, processor.processorId, processor.sourceStreamId);
            for (const [partition, failing] of state.failingPartitions) {
                statements.addFailingPartition.run(failingPartitionToParameters(processor, partition, failing));
            }
        }
    };
}
