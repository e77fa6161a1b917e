// Builds the native modules that come without prebuilt binaries (deasync, which the official SDK uses, in tests)
// against the Node that runs this script: the one pinned by the node-linux-* packages, which npm scripts find first on
// PATH. npm's own install would build them for whatever Node runs npm, which may be an older one with another ABI, so
// their install scripts are denied in package.json and this root postinstall builds them instead. (better-sqlite3 13
// ships Node-API binaries that suit any Node from 22 on; its implicit `node-gyp rebuild` is denied too, so those are used.)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const modules = ['deasync'];
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
    const stamp = path.join(folder, 'build', 'built-for-node');
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === process.version) {
        console.log(`buildNativeModules: ${name} is built for Node ${process.version} already`);
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
    writeFileSync(stamp, process.version);
}

/** The install prefix of the running Node (its node-linux-* package, or /usr for a system install), with its headers. */
function headersFolder(prefix) {
    if (!existsSync(path.join(prefix, 'include', 'node', 'node.h'))) {
        console.error(`buildNativeModules: no Node headers (include/node/node.h) in ${prefix}; cannot build ${modules.join(', ')} for ${process.version}`);
        process.exit(1);
    }
    return prefix;
}
