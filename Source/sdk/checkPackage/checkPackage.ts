// `npm run sdk:check-package`: packs the SDK (and the protocol package it depends on), installs the tarballs into an
// empty project in a temporary folder (from npm's cache where it can, --prefer-offline), and checks that nothing native came with it (no
// install scripts, no binding.gyp, no .node files) and that both `import` (ESM) and `require` (CommonJS) load it.
// Exits non-zero, naming what was wrong, when a check fails.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const installScripts = ['preinstall', 'install', 'postinstall'];
// What tools that build native code look like in an install script.
const nativeBuilders = /node-gyp|prebuild|cmake-js|node-pre-gyp|napi|make\b|gcc|g\+\+|cc\b/;
// Install scripts known to run plain JavaScript only, each with what it does. protobufjs 7 (which @grpc/grpc-js
// brings through @grpc/proto-loader) prints a warning when a dependent names an incompatible version range.
const knownScripts: Readonly<Record<string, string>> = {
    protobufjs: 'node scripts/postinstall',
};

function run(command: string, argumentList: ReadonlyArray<string>, workingFolder: string): string {
    return execFileSync(command, argumentList, { cwd: workingFolder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every file under a folder, recursively. */
function filesUnder(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const path = join(folder, entry.name);
        return entry.isDirectory() ? filesUnder(path) : [path];
    });
}

/**
 * What would build or bring native code: .node binaries, binding.gyp files, gypfile packages, install scripts that
 * call a native build tool, and any install script not known to be plain JavaScript; each named. Known scripts are
 * listed in `allowed`.
 */
function nativeParts(nodeModules: string, allowed: string[]): string[] {
    const found: string[] = [];
    for (const file of filesUnder(nodeModules)) {
        if (file.endsWith('.node') || file.endsWith('binding.gyp')) {
            found.push(`${file}: native code`);
        } else if (file.endsWith('package.json') && !file.slice(nodeModules.length).includes('/test')) {
            const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; scripts?: Record<string, string>; gypfile?: boolean };
            const scripts = installScripts.filter((script) => manifest.scripts?.[script] !== undefined);
            if (manifest.gypfile === true) {
                found.push(`${file}: a gypfile package (node-gyp builds it)`);
            }
            for (const script of scripts) {
                const command = manifest.scripts![script]!;
                if (nativeBuilders.test(command) || knownScripts[manifest.name ?? ''] !== command) {
                    found.push(`${file}: ${script} script '${command}'`);
                } else {
                    allowed.push(`${manifest.name} ${script} '${command}' (plain JavaScript, no native code)`);
                }
            }
        }
    }
    return found;
}

const work = mkdtempSync(join(tmpdir(), 'dolittle-sdk-package-'));
try {
    run('npm', ['run', 'build', '--silent'], repositoryRoot);
    const tarballs = ['Source/protocol', 'Source/sdk'].map((workspace) => {
        const name = run('npm', ['pack', '--silent', '--pack-destination', work], join(repositoryRoot, workspace)).trim().split('\n').pop()!;
        return join(work, name);
    });
    const project = join(work, 'project');
    run('mkdir', ['-p', project], work);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'empty-head', version: '1.0.0', private: true }, null, 2));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs], project);
    const allowed: string[] = [];
    const problems = nativeParts(join(project, 'node_modules'), allowed);
    const sdkFolder = join(project, 'node_modules', '@dolittle-typescript', 'sdk');
    for (const required of ['dist/index.js', 'dist/index.d.ts', 'dist/cjs/index.js']) {
        if (!existsSync(join(sdkFolder, required))) {
            problems.push(`the package has no ${required}`);
        }
    }
    const probe = "typeof sdk.Client.forMicroservice === 'function' && typeof sdk.eventType === 'function' && sdk.TenantId.development.value === '445f8ea8-1a6f-40d7-b2fc-796dba92dc44'";
    const esm = run(process.execPath, ['--input-type=module', '-e', `import * as sdk from '@dolittle-typescript/sdk'; console.log(${probe});`], project).trim();
    const commonJs = run(process.execPath, ['-e', `const sdk = require('@dolittle-typescript/sdk'); console.log(${probe});`], project).trim();
    if (esm !== 'true') {
        problems.push(`import from ESM printed '${esm}', not 'true'`);
    }
    if (commonJs !== 'true') {
        problems.push(`require from CommonJS printed '${commonJs}', not 'true'`);
    }
    const packages = readdirSync(join(project, 'node_modules')).length;
    const size = tarballs.map((tarball) => `${(statSync(tarball).size / 1024).toFixed(0)} KiB`).join(' + ');
    if (problems.length > 0) {
        console.error(`The packed SDK fails its checks:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
        process.exitCode = 1;
    } else {
        console.log(`The packed SDK (${size}) installs into an empty project with ${packages} top-level packages and no native code; import (ESM) and require (CommonJS) both load it.`);
        console.log(`Install scripts: ${allowed.length === 0 ? 'none' : allowed.join('; ')}`);
    }
} finally {
    rmSync(work, { recursive: true, force: true });
}
