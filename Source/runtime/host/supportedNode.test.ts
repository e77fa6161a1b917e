import { describe, expect, it } from 'vitest';
import { minimumNodeMajor, unsupportedNodeReason } from './supportedNode.js';

describe('when deciding whether the Runtime runs on a Node.js version', () => {
    it('accepts the pinned major version', () => expect(unsupportedNodeReason(`v${minimumNodeMajor}.21.0`)).toBeUndefined());
    it('accepts a later major version', () => expect(unsupportedNodeReason(`v${minimumNodeMajor + 2}.0.0`)).toBeUndefined());
    it('refuses Node 20, naming the version found', () => expect(unsupportedNodeReason('v20.20.2')).toContain('found v20.20.2'));
    it('refuses Node 22, whose HTTP/2 stream reset options the Runtime is not tested with', () => expect(unsupportedNodeReason('v22.23.5')).toContain(`Node.js ${minimumNodeMajor} or later`));
    it('refuses a version it cannot read', () => expect(unsupportedNodeReason('vnext')).toBeDefined());
});
