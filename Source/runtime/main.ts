#!/usr/bin/env node
import { unsupportedNodeReason } from './host/supportedNode.js';

// The Node.js version is checked before anything else loads: on an older one the native modules fail first, with an
// ABI message that does not say what to do.
const unsupported = unsupportedNodeReason(process.version);
if (unsupported !== undefined) {
    process.stderr.write(`${unsupported}\n`);
    process.exit(1);
}
await import('./runRuntime.js');
