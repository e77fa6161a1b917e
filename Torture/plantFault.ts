// Makes a deliberately broken copy of the Runtime's build, to show that a torture run catches the fault:
//   npx tsx Torture/plantFault.ts <fault>        (prints the broken build's main.js)
//   npx tsx Torture/run.ts --runtime-main <that main.js> ...
// The copy goes to Source/runtime/planted/<fault>/ (ignored by git), next to the real build so that it finds the same
// packages. Each fault is a textual change of one compiled file; when the text is not found (the code changed), it
// says so instead of copying a build that is not broken.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A planted fault: the compiled file it changes, the text it replaces and what it puts there. */
type PlantedFault = { readonly what: string; readonly file: string; readonly find: string; readonly replace: string };

const faults: Readonly<Record<string, PlantedFault>> = {
    'skip-position-writes': {
        // Every position write of a stream processor (StateWriter's coalesced writes, and the writes before a re-read
        // and on stop) goes through saveUntilStored; a filter's append with its position does not, and is kept.
        what: 'no position write of a stream processor is stored (each is taken as stored): after a restart its handler starts again from the position stored before',
        file: 'streamProcessors/saveUntilStored.js',
        find: 'await save();',
        replace: 'void save;',
    },
    'acknowledge-before-commit': {
        what: 'a batch of commits is acknowledged before its transaction is committed',
        file: 'eventStore/EventStore.js',
        find: 'await this.#storage.append(emptyGuid, prepared.events, prepared.aggregates);',
        replace: 'batch.forEach((queued, index) => queued.resolve(prepared.results[index])); await this.#storage.append(emptyGuid, prepared.events, prepared.aggregates);',
    },
    'scoped-event-twice': {
        what: 'the first event of every batch received over the Event Horizon is written twice into the scoped log',
        file: 'eventHorizon/ScopedEventLogWriter.js',
        find: 'const events = received.map((item, index) => ({ ...item.event, sequenceNumber: first + index }));',
        replace: 'const events = [...received, ...received.slice(0, 1)].map((item, index) => ({ ...item.event, sequenceNumber: first + index }));',
    },
};

const runtimeFolder = fileURLToPath(new URL('../Source/runtime/', import.meta.url));
const name = process.argv[2] ?? '';
const fault = faults[name];
if (fault === undefined) {
    process.stderr.write(`Usage: npx tsx Torture/plantFault.ts <fault>, where <fault> is one of:\n${Object.entries(faults).map(([key, value]) => `  ${key}: ${value.what}`).join('\n')}\n`);
    process.exit(2);
}
const build = join(runtimeFolder, 'dist');
if (!existsSync(join(build, 'main.js'))) {
    process.stderr.write(`The Runtime is not built (${build}/main.js is missing): run 'npm run build' first.\n`);
    process.exit(1);
}
const target = join(runtimeFolder, 'planted', name);
rmSync(target, { recursive: true, force: true });
cpSync(build, target, { recursive: true });
const file = join(target, fault.file);
const text = readFileSync(file, 'utf8');
const occurrences = text.split(fault.find).length - 1;
if (occurrences !== 1) {
    process.stderr.write(`Cannot plant '${name}': ${fault.file} holds the text to replace ${occurrences} times, not once (the code changed):\n  ${fault.find}\n`);
    rmSync(target, { recursive: true, force: true });
    process.exit(1);
}
writeFileSync(file, text.replace(fault.find, fault.replace));
process.stdout.write(`${join(target, 'main.js')}\n`);
process.stderr.write(`Planted '${name}': ${fault.what}.\n`);
