import type { ConfigurationProblem } from './ConfigurationProblem.js';

/** A port the Runtime listens on and where it was configured. */
export type ConfiguredPort = { readonly port: number; readonly name: string; readonly file: string; readonly pointer: string };

/** Finds endpoints configured to listen on the same port (0, which lets the system choose, never conflicts). */
export function findPortConflicts(ports: ReadonlyArray<ConfiguredPort>): ReadonlyArray<ConfigurationProblem> {
    const owners = new Map<number, ConfiguredPort>();
    const problems: ConfigurationProblem[] = [];
    for (const configured of ports) {
        const owner = owners.get(configured.port);
        if (owner === undefined || configured.port === 0) {
            owners.set(configured.port, configured);
            continue;
        }
        problems.push({
            file: configured.file,
            pointer: configured.pointer,
            found: `${configured.port}, which the ${owner.name} (${owner.file}) also uses`,
            expected: `a port for the ${configured.name} that no other endpoint uses`,
        });
    }
    return problems;
}
