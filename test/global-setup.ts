// Runs once before all test files: ensures the test database exists and is migrated.
// Filled in by the foundation work (packages/db); kept tiny so unit tests stay fast.
export default async function setup(): Promise<void> {
  const { prepareTestDatabase } = await import('../packages/db/src/testing/prepare-test-database');
  await prepareTestDatabase();
}
