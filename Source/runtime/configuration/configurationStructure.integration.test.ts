import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationIsInvalid } from './ConfigurationIsInvalid.js';
import { useTemporaryConfigurationFolder } from './given/temporaryConfigurationFolder.js';
import { maximumConfigurationNesting } from './inspectJsonStructure.js';
import { loadRuntimeConfiguration } from './loadRuntimeConfiguration.js';

const developmentTenant = '445f8ea8-1a6f-40d7-b2fc-796dba92dc44';

const temporary = useTemporaryConfigurationFolder('dolittle-configuration-structure-');

async function problemsWith(files: Record<string, string>): Promise<ConfigurationIsInvalid> {
    for (const [name, text] of Object.entries(files)) {
        await writeFile(join(temporary.folder, name), text);
    }
    const error = await loadRuntimeConfiguration(temporary.options).then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigurationIsInvalid);
    return error as ConfigurationIsInvalid;
}

describe('when a configuration file has the same property twice in one object', () => {
    it('reports the file, the pointer and the property of the second one', async () => {
        const error = await problemsWith({ 'tenants.json': `{\n    "${developmentTenant}": {},\n    "${developmentTenant}": {}\n}\n` });
        expect(error.problems).toEqual([{
            file: join(temporary.folder, 'tenants.json'),
            pointer: `/${developmentTenant}`,
            position: { line: 3, column: 5 },
            found: `the property "${developmentTenant}" a second time in the same object`,
            expected: 'each property once (a JSON reader would silently keep only the last one)',
        }]);
    });

    it('reports a tenant written twice in resources.json, although both entries are valid', async () => {
        const eventStore = (database: string) => `{ "eventStore": { "servers": ["localhost"], "database": "${database}" } }`;
        const error = await problemsWith({
            'tenants.json': `{ "${developmentTenant}": {} }`,
            'resources.json': `{ "${developmentTenant}": ${eventStore('first')}, "${developmentTenant}": ${eventStore('second')} }`,
        });
        expect(error.problems.map((problem) => [problem.file, problem.pointer])).toEqual([[join(temporary.folder, 'resources.json'), `/${developmentTenant}`]]);
    });

    it('reports a nested property written twice, as {"a":1,"a":2} would lose the first', async () => {
        const error = await problemsWith({ 'endpoints.json': '{ "public": { "port": 50052, "port": 50062 } }' });
        expect(error.message).toContain(`${join(temporary.folder, 'endpoints.json')} line 1, column 30 at /public/port: found the property "port" a second time`);
    });

    it('reports names that differ only in letter case, since they name the same property', async () => {
        const error = await problemsWith({ 'endpoints.json': '{ "public": { "Port": 50052, "port": 50062 } }' });
        expect(error.problems).toEqual([expect.objectContaining({ file: join(temporary.folder, 'endpoints.json'), pointer: '/public/port' })]);
    });
});

describe('when a configuration file nests 100,000 arrays', () => {
    it('reports the file and the nesting limit instead of overflowing the stack', async () => {
        const error = await problemsWith({ 'resources.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}` });
        expect(error.problems).toEqual([{
            file: join(temporary.folder, 'resources.json'),
            pointer: '/0'.repeat(maximumConfigurationNesting),
            position: { line: 1, column: maximumConfigurationNesting + 1 },
            found: `arrays and objects nested deeper than ${maximumConfigurationNesting} levels`,
            expected: `at most ${maximumConfigurationNesting} levels of nested arrays and objects`,
        }]);
    });

    it('reports it also when the deep file is not valid JSON', async () => {
        const error = await problemsWith({ 'tenants.json': '['.repeat(100_000) });
        expect(error.problems.map((problem) => [problem.file, problem.found])).toEqual([[join(temporary.folder, 'tenants.json'), `arrays and objects nested deeper than ${maximumConfigurationNesting} levels`]]);
    });
});
