/** The oldest Node.js major version whose HTTP/2 server takes the stream reset options (older ones ignore them). */
export const minimumNodeMajor = 24;

/** Why the Runtime will not run on a Node.js version, or undefined when it will. */
export function unsupportedNodeReason(version: string): string | undefined {
    const major = Number(version.replace(/^v/, '').split('.')[0]);
    if (Number.isInteger(major) && major >= minimumNodeMajor) {
        return undefined;
    }
    return `The Runtime needs Node.js ${minimumNodeMajor} or later, found ${version}: older ones end busy HTTP/2 sessions of the official SDK 17 with GOAWAY, and their native module builds differ. 'npm start' runs the Node ${minimumNodeMajor} that package.json pins.`;
}
