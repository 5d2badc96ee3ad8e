import { describe, expect, it } from 'vitest';
import { chooseOption, newContext, signInToConsole, useBrowserAndServer } from '../support/browser.js';

/** A valid GB 32100 code that the demo county does not use. */
const NEW_DEPARTMENT_CODE = '11990100123401066Y';

const env = useBrowserAndServer();

describe('the admin console', () => {
  it("shows the server's Chinese message for a wrong password", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signInToConsole(page, env.server.url, 'admin', 'wrong-password', { waitForDashboard: false });
    await expect(page.getByRole('alert').textContent()).resolves.toContain('用户名或密码错误');
    await context.close();
  });

  it('lets the administrator create a department and a clerk in it', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signInToConsole(page, env.server.url, 'admin', env.server.adminPassword);

    await page.getByRole('link', { name: '组织机构' }).click();
    await page.getByRole('button', { name: '新建部门' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('机构名称').fill('示例县数据资源局');
    await drawer.getByLabel('机构代码').fill(NEW_DEPARTMENT_CODE);
    await drawer.getByLabel('联系电话').fill('0000-1234600');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByText('示例县数据资源局（政府部门）').waitFor();

    await page.getByRole('link', { name: '用户与角色' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const userDrawer = page.getByRole('dialog');
    await userDrawer.getByLabel('用户名').fill('datclerk');
    await userDrawer.getByLabel('姓名').fill('数据局信息员');
    await chooseOption(page, userDrawer, '所属机构', '示例县数据资源局');
    await chooseOption(page, userDrawer, '角色', '信息员');
    await userDrawer.getByLabel('密码').fill('Str0ng-Password');
    await userDrawer.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: 'datclerk' }).waitFor();

    // The new clerk can sign in.
    const res = await env.server.testApp.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'datclerk', password: 'Str0ng-Password' } });
    expect(res.statusCode).toBe(200);
    expect((await env.server.testApp.app.inject(`/api/v1/orgs/${NEW_DEPARTMENT_CODE}`)).json()).toMatchObject({ name: '示例县数据资源局', type: 'department' });
    await context.close();
  });

  // The audit page (entries in words, filters, integrity, alerts, layout) is walked in audit.test.ts.
});
