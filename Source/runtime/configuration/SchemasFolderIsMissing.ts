/** Thrown when no Schemas/ folder with the configuration schemas is found above the Runtime's code. */
export class SchemasFolderIsMissing extends Error {
    /** Creates the error naming the folder the search started from. */
    constructor(readonly startFolder: string) {
        super(`No folder 'Schemas' holding tenants.schema.json was found in ${startFolder} or any folder above it`);
        this.name = 'SchemasFolderIsMissing';
    }
}
