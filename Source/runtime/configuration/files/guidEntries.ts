import { parseGuid, type Guid } from '../../guids/index.js';
import type { ReportProblem } from '../ConfigurationFile.js';
import { JsonPointer } from '../JsonPointer.js';

/** One property of an object keyed by GUIDs: the lowercased id, its value and its pointer. */
export type GuidEntry = { readonly id: Guid; readonly value: unknown; readonly pointer: string };

/**
 * The properties of a schema-valid object keyed by GUIDs, ids lowercased; a GUID written twice in different
 * letter case is reported, since the two entries would otherwise silently merge.
 */
export function guidEntries(content: unknown, report: ReportProblem, pointer = ''): ReadonlyArray<GuidEntry> {
    const entries = new Map<Guid, GuidEntry>();
    for (const [name, value] of Object.entries(content as Record<string, unknown>)) {
        const id = parseGuid(name);
        const entryPointer = JsonPointer.child(pointer, name);
        const first = entries.get(id);
        if (first !== undefined) {
            report(entryPointer, `the id ${JSON.stringify(name)} a second time`, `each id once (ids match ignoring letter case)`);
            continue;
        }
        entries.set(id, { id, value, pointer: entryPointer });
    }
    return [...entries.values()];
}
