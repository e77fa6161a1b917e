import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The built Runtime (`npm run build` at the repository root writes it). */
export const runtimeMain = join(repositoryRoot, 'Source', 'runtime', 'dist', 'main.js');

/** A file the build writes, and how to list the files it was written from. */
export type BuildOutput = {
    readonly output: string;
    /** The files the output was built from; a file listed that no longer exists makes the output stale. */
    readonly inputs: () => ReadonlyArray<string>;
    /** Why the output is stale although it is newer than its inputs (e.g. the compiler wrote it without emitting), if it is. */
    readonly incompleteness?: () => string | undefined;
};

/**
 * What `npm run build` writes, each with its sources: the compiled projects (their `tsconfig.tsbuildinfo`, which
 * `tsc -b` rewrites whenever it builds, lists every file compiled) and the protocol code generated from the .proto files.
 */
export const runtimeBuildOutputs: ReadonlyArray<BuildOutput> = [
    compiledProject(join(repositoryRoot, 'Source', 'protocol')),
    compiledProject(join(repositoryRoot, 'Source', 'runtime')),
    compiledProject(join(repositoryRoot, 'Source', 'cli')),
    compiledProject(join(repositoryRoot, 'Source', 'sdk')),
    {
        output: join(repositoryRoot, 'Source', 'protocol', 'dist', 'generated', 'protocol.js'),
        inputs: () => filesUnder(join(repositoryRoot, 'Source', 'protocol', 'Protos'), '.proto'),
    },
];

/** Thrown when a test would run a build that is missing or older than its sources. */
export class RuntimeBuildIsStale extends Error {
    /** Names what is stale and says how to fix it. */
    constructor(staleness: string) {
        super(`The Runtime's build is stale: ${staleness}. Tests that start dist/main.js would test old code; run 'npm run build' at the repository root.`);
        this.name = 'RuntimeBuildIsStale';
    }
}

/** Describes why the build is stale (the first output found missing, or a source newer than it), or undefined when it is current. */
export function findStaleBuild(outputs: ReadonlyArray<BuildOutput>): string | undefined {
    for (const { output, inputs, incompleteness } of outputs) {
        const built = modifiedTime(output);
        if (built === undefined) {
            return `${output} does not exist`;
        }
        const incomplete = incompleteness?.();
        if (incomplete !== undefined) {
            return incomplete;
        }
        for (const input of inputs()) {
            const changed = modifiedTime(input);
            if (changed === undefined) {
                return `${output} was built from ${input}, which no longer exists`;
            }
            if (changed > built) {
                return `${input} changed after ${relative(dirname(output), output)} was built (${new Date(changed).toISOString()} > ${new Date(built).toISOString()})`;
            }
        }
    }
    return undefined;
}

/** Throws RuntimeBuildIsStale unless every output of the build exists and is newer than every file it was built from. */
export function checkBuildIsCurrent(outputs: ReadonlyArray<BuildOutput> = runtimeBuildOutputs): void {
    const staleness = findStaleBuild(outputs);
    if (staleness !== undefined) {
        throw new RuntimeBuildIsStale(staleness);
    }
}

/** What the build information of a `tsc -b` project says that the check needs. */
type BuildInformation = {
    readonly fileNames?: ReadonlyArray<string>;
    /** Files compiled but not emitted yet, e.g. after `tsc -p <project> --noEmit`, which rewrites the build information too. */
    readonly affectedFilesPendingEmit?: ReadonlyArray<number | readonly [number, number]>;
    readonly changeFileSet?: ReadonlyArray<number>;
    readonly errors?: boolean;
    readonly checkPending?: boolean;
};

/**
 * A TypeScript project built with `tsc -b`: its build information, built from the project's own files it lists; stale
 * as well when the build information says that files wait to be emitted or that the last compile had errors.
 */
export function compiledProject(projectFolder: string): BuildOutput {
    const buildInformation = join(projectFolder, 'dist', 'tsconfig.tsbuildinfo');
    const read = () => JSON.parse(readFileSync(buildInformation, 'utf8')) as BuildInformation;
    return {
        output: buildInformation,
        incompleteness: () => {
            const information = read();
            const pending = [...(information.affectedFilesPendingEmit ?? []), ...(information.changeFileSet ?? [])];
            if (pending.length > 0) {
                const first = pending[0]!;
                const fileName = information.fileNames?.[(typeof first === 'number' ? first : first[0]) - 1] ?? 'a file';
                return `${buildInformation} says that ${pending.length} files (${fileName} first) were compiled but not emitted (was it written by 'tsc --noEmit'?)`;
            }
            if (information.errors === true || information.checkPending === true) {
                return `${buildInformation} says that the last compile had errors`;
            }
            return undefined;
        },
        inputs: () => {
            const { fileNames } = read();
            // Library declarations (node_modules) change with installs, which tsc -b does not treat as a change of the project.
            return (fileNames ?? [])
                .map((fileName) => resolve(dirname(buildInformation), fileName))
                .filter((file) => !file.split(/[\\/]/).includes('node_modules'));
        },
    };
}

function filesUnder(folder: string, extension: string): ReadonlyArray<string> {
    if (!existsSync(folder)) {
        return [];
    }
    return readdirSync(folder, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
        .map((entry) => join(entry.parentPath, entry.name));
}

function modifiedTime(file: string): number | undefined {
    try {
        return statSync(file).mtimeMs;
    } catch {
        return undefined;
    }
}
