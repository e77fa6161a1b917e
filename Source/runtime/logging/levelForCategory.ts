import type { LoggingConfiguration } from './LoggingConfiguration.js';
import type { LogLevel } from './LogLevel.js';

/** The level of a category: the one of the longest configured prefix that matches it, else the default. */
export function levelForCategory(configuration: LoggingConfiguration, category: string): LogLevel {
    let best: { prefix: string; level: LogLevel } | undefined;
    for (const entry of configuration.categoryLevels) {
        const matches = category === entry.prefix || category.startsWith(`${entry.prefix}.`);
        if (matches && (best === undefined || entry.prefix.length > best.prefix.length)) {
            best = entry;
        }
    }
    return best?.level ?? configuration.level;
}
