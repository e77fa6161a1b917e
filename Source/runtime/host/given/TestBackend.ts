/** A storage backend the end-to-end suites run against: the embedded store, or a PostgreSQL database made for the test file. */
export type TestBackend =
    | { readonly kind: 'embedded' }
    | {
          readonly kind: 'postgres';
          /** Connection string of the database created for this test file. */
          readonly connectionString: string;
      };
