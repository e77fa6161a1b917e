import { commandLineSyntax } from './commandLineSyntax.js';

/** The --help text: usage and every option with its default. */
export function commandLineHelp(): string {
    const lines = ['Usage: dolittle-runtime [options]', '', 'Runs the Dolittle Runtime.', '', 'Options:'];
    for (const option of commandLineSyntax) {
        lines.push(`  ${option.name}${option.argument === undefined ? '' : ` ${option.argument}`}`);
        lines.push(`      ${option.description}`);
        if (option.defaultValue !== undefined) {
            lines.push(`      Default: ${option.defaultValue}`);
        }
    }
    lines.push('', 'The configuration files are described in Documentation/configuration.md.');
    return lines.join('\n');
}
