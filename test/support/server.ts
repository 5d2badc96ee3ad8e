/**
 * A listening platform for browser tests: the real server on a random loopback port.
 */
import type { AddressInfo } from 'node:net';
import { createTestApp, TestApp } from './app.js';
import { TEST_ADMIN_PASSWORD, TEST_DEMO_PASSWORD } from './constants.js';

export interface TestServer {
  url: string;
  adminPassword: string;
  demoPassword: string;
  testApp: TestApp;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const testApp = await createTestApp();
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    adminPassword: TEST_ADMIN_PASSWORD,
    demoPassword: TEST_DEMO_PASSWORD,
    testApp,
    close: () => testApp.close(),
  };
}
