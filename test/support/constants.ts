/** Passwords of the demo accounts in the test snapshot. */
export const TEST_ADMIN_PASSWORD = 'Admin-Passw0rd!';
export const TEST_DEMO_PASSWORD = 'Demo-Passw0rd!';
export const SNAPSHOT_FILE = '.test-cache/snapshot-pglite.tar.gz';
export const PG_TEMPLATE_ENV = 'GONGKAI_TEST_PG_TEMPLATE';
