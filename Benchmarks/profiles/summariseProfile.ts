// Prints where a V8 CPU profile (from `node --cpu-prof`, e.g. `npm run bench -- --profile <folder>`) spent its time:
// the functions with the most self time, and the Runtime's own functions with the most total (inclusive) time.
// Usage: npx tsx Benchmarks/profiles/summariseProfile.ts <file.cpuprofile> [rows]
import { readFileSync } from 'node:fs';

type ProfileNode = {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: ReadonlyArray<number>;
};
type Profile = { readonly nodes: ReadonlyArray<ProfileNode>; readonly samples: ReadonlyArray<number>; readonly timeDeltas: ReadonlyArray<number> };

const [file, rowsText] = process.argv.slice(2);
if (file === undefined) {
    process.stderr.write('Usage: npx tsx Benchmarks/profiles/summariseProfile.ts <file.cpuprofile> [rows]\n');
    process.exit(2);
}
const rows = Number(rowsText ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
        parentOf.set(child, node.id);
    }
}
const nameOf = (node: ProfileNode) => {
    const url = node.callFrame.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|Source)\//, '$1/');
    return `${node.callFrame.functionName || '(anonymous)'} ${url === '' ? '' : `${url}:${node.callFrame.lineNumber + 1}`}`.trim();
};
const selfTime = new Map<string, number>();
const totalTime = new Map<string, number>();
let total = 0;
profile.samples.forEach((sample, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    total += delta;
    const node = byId.get(sample);
    if (node === undefined) {
        return;
    }
    selfTime.set(nameOf(node), (selfTime.get(nameOf(node)) ?? 0) + delta);
    const seen = new Set<string>();
    for (let current: number | undefined = sample; current !== undefined; current = parentOf.get(current)) {
        const name = nameOf(byId.get(current)!);
        if (!seen.has(name)) {
            seen.add(name);
            totalTime.set(name, (totalTime.get(name) ?? 0) + delta);
        }
    }
});
const print = (title: string, times: Map<string, number>, keep: (name: string) => boolean) => {
    process.stdout.write(`\n${title}\n`);
    [...times].filter(([name]) => keep(name)).sort((left, right) => right[1] - left[1]).slice(0, rows).forEach(([name, time]) => {
        process.stdout.write(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${(time / 1_000).toFixed(0).padStart(7)} ms  ${name}\n`);
    });
};
process.stdout.write(`${file}: ${(total / 1_000_000).toFixed(1)} s sampled\n`);
print('Self time', selfTime, () => true);
print("Total time of the Runtime's own functions", totalTime, (name) => name.includes('Source/'));
