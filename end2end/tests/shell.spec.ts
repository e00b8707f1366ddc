import { test, expect } from "./fixtures";
import { signIn, waitForHydration } from "./helpers";

test.describe("app shell", () => {
  test("serves the shell with navigation and the version", async ({ page }) => {
    await signIn(page);
    await expect(page.locator("header .brand-name")).toHaveText("ECS Panel");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Dashboard", "Servers", "Create", "Actions", "Templates", "Groups", "Networks", "SSH keys", "Scripts", "Logs", "Account", "Plans"]) {
      await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    }
    await expect(page.locator("footer .version")).toHaveText(/^v\d+\.\d+\.\d+/);
  });

  test("hydrates: the server-time widget round-trips after the wasm is live", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await signIn(page);
    const time = page.getByTestId("server-time");
    await expect(time).toHaveText(/UTC$/);
    const before = await time.textContent();
    // The click handler exists only once the wasm has hydrated: retry until it is live.
    await expect(async () => {
      await page.getByTestId("refresh-time").click();
      await expect(page.getByTestId("refresh-count")).not.toHaveText("Refreshed 0 times", { timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await expect(time).not.toHaveText(before ?? "");
    await expect(time).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} UTC$/);
    expect(errors).toEqual([]);
  });

  test("pages hydrate under the nonce CSP with no policy violations", async ({ page }) => {
    const violations: string[] = [];
    // Listen in the page itself: Chromium reports each blocked script/style as an event.
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        ((window as any).__cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    await signIn(page);
    for (const path of ["/", "/servers", "/servers/ec200401", "/servers/ec200401/metrics", "/servers/new"]) {
      const res = await page.goto(path);
      expect(res?.headers()["content-security-policy"]).toContain("'nonce-");
      await waitForHydration(page);
      const inPage = await page.evaluate(() => (window as any).__cspViolations ?? []);
      violations.push(...inPage);
    }
    expect(violations).toEqual([]);
  });

  test("unknown pages answer 404 with a readable page", async ({ page }) => {
    await signIn(page);
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the start page" })).toBeVisible();
  });

  test("/healthz answers ok with the version", async ({ request }) => {
    const res = await request.get("/healthz");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
