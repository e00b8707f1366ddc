import { expect, Page, APIRequestContext } from "@playwright/test";

// The embedded simulator's control API: `make e2e` pins its address (ECS_PANEL_SIM_ADDR).
export const SIM = `http://${process.env.ECS_PANEL_SIM_ADDR ?? "127.0.0.1:3089"}`;
export const DEMO = { username: "demo", password: "demo" };
export const DEMO_API_TOKEN = "demo-api-token-0000000000000000000000000000000000000000";

export async function signIn(page: Page, next = "/") {
  await page.goto(next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`);
  await fillAndSubmit(page, DEMO.username, DEMO.password);
  await expect(page.getByTestId("signed-in-user")).toContainText(DEMO.username);
}

/// Types into the sign-in form once the page is hydrated (the submit then runs without a reload).
export async function fillAndSubmit(page: Page, username: string, password: string) {
  await waitForHydration(page);
  await page.locator(`input[name="username"]`).fill(username);
  await page.locator(`input[name="password"]`).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/// Leptos marks nothing on hydration; the wasm is live once its module has been instantiated.
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => (window as any).__ecsHydrated === true, null, { timeout: 15_000 });
}

export async function simReset(request: APIRequestContext) {
  const res = await request.post(`${SIM}/__sim/reset`);
  expect(res.ok()).toBeTruthy();
}

/// Sets the simulator's fault injection (see server/src/simulator/faults.rs); `{}` clears it.
export async function simFaults(request: APIRequestContext, faults: Record<string, unknown>) {
  const res = await request.put(`${SIM}/__sim/faults`, { data: faults });
  expect(res.ok()).toBeTruthy();
}

/// Marks the page so a test can tell a live update from a reload (a reload drops the mark).
export async function markPage(page: Page) {
  await page.evaluate(() => ((window as any).__noReload = true));
}

export async function expectNoReload(page: Page) {
  expect(await page.evaluate(() => (window as any).__noReload === true)).toBeTruthy();
}

/// The row of server `name` in the servers table.
export function row(page: Page, name: string) {
  return page.locator(`[data-testid="server-row"][data-name="${name}"]`);
}
