/** One thing wrong with the configuration: where it is, what was found there and what was expected. */
export type ConfigurationProblem = {
    /** The file the problem is in (absolute path), or `command line`. */
    readonly file: string;
    /** A JSON pointer to the value in the user's spelling; empty for the whole file. */
    readonly pointer: string;
    /** A description of the value found there, with secrets left out. */
    readonly found: string;
    /** What a valid value looks like. */
    readonly expected: string;
    /** Where in the text the problem is, for JSON syntax errors. */
    readonly position?: { readonly line: number; readonly column: number };
};
