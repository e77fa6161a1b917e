// Generates the static protobuf code of Source/protocol from the .proto files in Protos/.
//
// Writes generated/protocol.js (an ES module over protobufjs/minimal.js) and generated/protocol.d.ts, and copies
// both to dist/generated/ so that the compiled dist/index.js finds them at the same relative path. Skips the work
// when every output is newer than every input, so re-running it is cheap.
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageFolder = dirname(dirname(fileURLToPath(import.meta.url)));
const protosFolder = join(packageFolder, 'Protos');
const generatedFolder = join(packageFolder, 'generated');
const distributionFolder = join(packageFolder, 'dist', 'generated');
const wrapperFile = join(packageFolder, 'scripts', 'wrapper.js');
const outputNames = ['protocol.js', 'protocol.d.ts'];

const require = createRequire(import.meta.url);
const { pbjs, pbts } = require('protobufjs-cli');

function protoFilesUnder(folder) {
    return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
            return protoFilesUnder(path);
        }
        return entry.name.endsWith('.proto') ? [path] : [];
    });
}

function modifiedTime(path) {
    try {
        return statSync(path).mtimeMs;
    } catch {
        return undefined;
    }
}

function isFresh(inputs, outputs) {
    const newestInput = Math.max(...inputs.map((input) => modifiedTime(input) ?? Infinity));
    return outputs.every((output) => (modifiedTime(output) ?? -Infinity) > newestInput);
}

function run(program, args) {
    return new Promise((resolve, reject) => {
        program.main(args, (error) => (error ? reject(error) : resolve()));
    });
}

const protoFiles = protoFilesUnder(protosFolder).sort();
const inputs = [...protoFiles, wrapperFile, fileURLToPath(import.meta.url)];
const generatedFiles = outputNames.map((name) => join(generatedFolder, name));
const distributedFiles = outputNames.map((name) => join(distributionFolder, name));

if (isFresh(inputs, generatedFiles)) {
    console.log('protocol: generated code is up to date');
} else {
    mkdirSync(generatedFolder, { recursive: true });
    const [javaScriptFile, declarationFile] = generatedFiles;
    await run(pbjs, [
        '--target', 'static-module',
        '--wrap', wrapperFile,
        '--es6',
        '--dependency', 'protobufjs/minimal.js',
        '--force-number',
        '--no-service',
        '--path', protosFolder,
        '--out', javaScriptFile,
        ...protoFiles.map((file) => relative(protosFolder, file)),
    ]);
    await run(pbts, ['--main', '--import', '$protobuf=protobufjs', '--out', declarationFile, javaScriptFile]);
    console.log(`protocol: generated ${outputNames.join(' and ')} from ${protoFiles.length} .proto files`);
}

if (!isFresh(generatedFiles, distributedFiles)) {
    mkdirSync(distributionFolder, { recursive: true });
    generatedFiles.forEach((file, index) => copyFileSync(file, distributedFiles[index]));
}
