import tseslint from 'typescript-eslint';

// Typed linting: a forgotten promise in a server is a lost error, so floating promises are errors.
export default tseslint.config(
    { ignores: ['**/dist/**', 'Source/runtime/planted/**', '**/node_modules/**', 'Source/protocol/generated/**', '**/*.js', '**/*.cjs', '**/*.mjs', 'Samples/**'] },
    ...tseslint.configs.recommended,
    {
        languageOptions: {
            parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname },
        },
        rules: {
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/no-misused-promises': 'error',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
            'no-restricted-properties': ['error', { object: 'it', property: 'only' }, { object: 'describe', property: 'only' }],
        },
    },
);
