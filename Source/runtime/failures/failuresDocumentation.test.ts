import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { otherFailureId } from './Failure.js';

// This test reads repository files (Documentation/failures.md and every failures.ts under Source/runtime) and
// nothing else: no network, no database. It keeps the code, the documentation and the seed's table in step.

const runtimeFolder = fileURLToPath(new URL('..', import.meta.url));
const documentation = readFileSync(fileURLToPath(new URL('../../../Documentation/failures.md', import.meta.url)), 'utf8');
const guidText = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
const wellFormedGuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const reserved = 'reserved/not used yet';

/** The ids of the failure table in seed 003, section 4.1.2 ("Failures"), copied as they are written there. */
const seedFailureIds: ReadonlyArray<string> = [
    // Event Store
    'b6fcb5dd-a32b-435b-8bf4-ed96e846d460',
    'd08a30b0-56ab-43dc-8fe6-490320514d2f',
    'b2acc526-ba3a-490e-9f15-9453c6f13b46',
    'ad55fca7-476a-4f68-9411-1a3b087ab843',
    '6f0e6cab-c7e5-402e-a502-e095f9545297',
    'eb508238-87ff-4519-a743-03be5196a83d',
    '45a811d9-bdf7-4ee1-b9bc-3f248e761799',
    'eb51284e-c7b4-4966-8da4-64a862f07560',
    'f25cccfb-3ae1-4969-bee6-906370ffbc2d',
    'ef3f1a42-9bc3-4d98-aa2a-942db7c56ac1',
    // Filters
    'd6060ba0-39bd-4815-8b0e-6b43b5f87bc5',
    '2cdb6143-4f3d-49cb-bd58-68fd1376dab1',
    'f0480899-8aed-4191-b339-5121f4d9f2e2',
    // Event Handlers
    '209a79c7-824c-4988-928b-0dd517746ca0',
    '45b4c918-37a5-405c-9865-d032869b1d24',
    'dbfdfa15-e727-49f6-bed8-7a787954a4c6',
    // Event Horizon
    '9b74482a-8eaa-47ab-ac1c-53d704e4e77d',
    'a1b791cf-b704-4eb8-9877-de918c36b948',
    '2ed211ce-7f9b-4a9f-ae9d-973bfe8aaf2b',
    'be1ba4e6-81e3-49c4-bec2-6c7e262bfb77',
    '3f88dfb6-93d6-40d3-9d28-8be149f9e02d',
];

function failuresFiles(folder: string): ReadonlyArray<string> {
    return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        if (entry.isDirectory()) {
            return entry.name === 'node_modules' || entry.name === 'dist' ? [] : failuresFiles(join(folder, entry.name));
        }
        return entry.name === 'failures.ts' ? [join(folder, entry.name)] : [];
    });
}

const codeFailureIds = new Map<string, string>(
    failuresFiles(runtimeFolder).flatMap((file) => (readFileSync(file, 'utf8').match(guidText) ?? []).map((id) => [id, file] as const)),
);
codeFailureIds.set(otherFailureId, join(runtimeFolder, 'failures', 'Failure.ts'));

const tableRows = documentation.split('\n').filter((line) => line.startsWith('|'));
const rowsWith = (id: string) => tableRows.filter((row) => row.includes(`\`${id}\``));

describe('when checking Documentation/failures.md against the code and the seed table', () => {
    it('finds the failures.ts files of the event store, event handlers, filters and projections', () => {
        const features = new Set([...codeFailureIds.values()].map((file) => file.slice(runtimeFolder.length).split(/[\\/]/)[0]));
        expect([...features]).toEqual(expect.arrayContaining(['eventStore', 'eventHandlers', 'filters', 'projections', 'failures']));
    });

    it('lists every failure id of every failures.ts, and the Other id, in a table row', () => {
        const missing = [...codeFailureIds].filter(([id]) => rowsWith(id).length === 0).map(([id, file]) => `${id} (${file})`);
        expect(missing).toEqual([]);
    });

    it('lists every id of the seed table that the code does not use as reserved/not used yet', () => {
        const unaccounted = seedFailureIds.filter((id) => !codeFailureIds.has(id) && !rowsWith(id).some((row) => row.includes(reserved)));
        expect(unaccounted).toEqual([]);
    });

    it('gives each id one table row', () => {
        const ids = new Set(tableRows.flatMap((row) => row.match(guidText) ?? []));
        const repeated = [...ids].filter((id) => rowsWith(id).length > 1);
        expect(repeated).toEqual([]);
    });

    it('writes the ids of the code, the seed table and the documentation as lower-case GUIDs', () => {
        const ids = [...codeFailureIds.keys(), ...seedFailureIds, ...(documentation.match(guidText) ?? [])];
        expect(ids.filter((id) => !wellFormedGuid.test(id))).toEqual([]);
    });
});
