/** What the command line's defaults depend on: the working directory, environment variables and the terminal. */
export type CommandLineEnvironment = {
    readonly workingDirectory: string;
    readonly variables: Readonly<Record<string, string | undefined>>;
    readonly standardOutputIsTerminal: boolean;
};

/** The environment of the running process; the only place the Runtime reads process.env. */
export function processEnvironment(): CommandLineEnvironment {
    return {
        workingDirectory: process.cwd(),
        variables: { ...process.env },
        standardOutputIsTerminal: process.stdout.isTTY === true,
    };
}
