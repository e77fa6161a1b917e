/** Reports a problem in the file being read: a pointer into the normalised content, the value found and the expectation. */
export type ReportProblem = (pointer: string, found: string, expected: string) => void;

/** One configuration file: its name, its schema, its content when it is missing, and how to read it once valid. */
export type ConfigurationFile<T> = {
    /** The file name in the configuration folder, e.g. `tenants.json`. */
    readonly name: string;
    /** The schema file name in Schemas/, e.g. `tenants.schema.json`. */
    readonly schemaName: string;
    /** Whether the original Runtime's documentation calls the file required: a missing one gives a warning. */
    readonly documentedAsRequired: boolean;
    /** The content used when the file is missing (the development defaults); valid against the schema. */
    readonly defaultContent: unknown;
    /** What the default content means, for the warning about a missing file. */
    readonly defaultDescription: string;
    /**
     * Reads content that is valid against the schema and has the schema's property spelling; `userPointer` turns a
     * pointer into the content into one in the user's spelling, for values that keep their place for later checks.
     */
    read(content: unknown, report: ReportProblem, userPointer: (pointer: string) => string): T;
};
