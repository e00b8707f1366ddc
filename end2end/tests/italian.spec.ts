import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { DEMO, simReset, waitForHydration } from "./helpers";

/// Signs in through the Italian form (the button says "Accedi").
async function accedi(page: Page, next = "/") {
  await page.goto(next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`);
  await waitForHydration(page);
  await page.locator('input[name="username"]').fill(DEMO.username);
  await page.locator('input[name="password"]').fill(DEMO.password);
  await page.getByRole("button", { name: "Accedi", exact: true }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(DEMO.username);
}

test.describe("a browser that asks for Italian", () => {
  test.use({ locale: "it-IT" });

  test("gets the sign-in page in Italian from the server, with <html lang=it>", async ({ page, request }) => {
    // The HTML as the server sends it: Italian before any script runs, so no flash of English.
    const res = await request.get("/login", { headers: { "Accept-Language": "it-IT,it;q=0.9,en;q=0.5" } });
    const html = await res.text();
    expect(html).toMatch(/<html[^>]*\blang="it"/);
    expect(html).toMatch(/<h1[^>]*>Accedi</);
    expect(html).toContain("Nome utente");
    expect(html).not.toMatch(/<h1[^>]*>Sign in</);

    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    await expect(page.getByRole("heading", { level: 1, name: "Accedi" })).toBeVisible();
    await expect(page.getByTestId("demo-banner")).toContainText("Modalità demo");
    await expect(page.getByRole("tab", { name: "Token API" })).toBeVisible();
    // Still Italian once hydrated: the browser renders what the server did.
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1, name: "Accedi" })).toBeVisible();
  });

  test("an unknown address is an Italian 404", async ({ page }) => {
    await accedi(page);
    const res = await page.goto("/nowhere-at-all");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Pagina non trovata" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Vai alla pagina iniziale" })).toBeVisible();
  });

  test("signs in, creates a server, powers it off and deletes it, all in Italian", async ({ page, request }) => {
    test.setTimeout(150_000);
    await simReset(request);
    await accedi(page);

    // The dashboard and the navigation.
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByTestId("servers-card")).toContainText("Pronti");
    const nav = page.getByRole("navigation", { name: "Principale" });
    await expect(nav.getByRole("link", { name: "Crea" })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toContainText("Un pannello di controllo per Seeweb Cloud Server");

    // The list: headings, badges and counts in Italian.
    await nav.getByRole("link", { name: "Server", exact: true }).click();
    await expect(page).toHaveURL(/\/servers$/);
    await expect(page.getByRole("heading", { level: 1, name: "Server" })).toBeVisible();
    await expect(page.getByText("I tuoi cloud server, in tempo reale.")).toBeVisible();
    await expect(page.getByRole("columnheader", { name: /Indirizzi/ })).toBeVisible();
    await expect(page.getByTestId("result-count")).toHaveText(/^\d+ server$/);
    await expect(page.getByTestId("servers-table").getByTestId("status").first()).toHaveText(/Acceso|Spento|Avviato/);
    // Sizes are the panel's words too: "40 GB di disco", decimals with a comma.
    await expect(page.getByTestId("servers-table")).toContainText("GB di disco");

    // Create: the form, its summary and the price in Italian (euros after the figure).
    await page.goto("/servers/new");
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1, name: "Crea un server" })).toBeVisible();
    await expect(page.locator('form.create[data-ready="true"]')).toBeVisible();
    await expect(page.getByRole("heading", { name: "Riepilogo" })).toBeVisible();
    await expect(page.getByTestId("price")).toContainText(/\d €/);
    await expect(page.getByTestId("price")).toContainText("al mese");
    await page.getByTestId("create-submit").click();
    await expect(page).toHaveURL(/\/servers\/ec\d+$/);
    const name = (await page.getByTestId("server-title").textContent())!.trim();
    await expect(page.getByTestId("toast").filter({ hasText: `${name} è pronto` })).toBeVisible({ timeout: 40_000 });

    // Power off, through its Italian dialog.
    await expect(page.getByTestId("power-button")).toHaveText("Spegni", { timeout: 20_000 });
    await page.getByTestId("power-button").click();
    const power = page.getByRole("dialog", { name: "Cambia lo stato di accensione" });
    await expect(power).toContainText(`Spegnere ${name}?`);
    await expect(power.getByRole("button", { name: "Mostra la chiamata API" })).toBeVisible();
    await power.getByTestId("power-confirm").click();
    await expect(page.getByTestId("toast").filter({ hasText: `${name} è spento` })).toBeVisible({ timeout: 40_000 });
    await expect(page.getByTestId("power-button")).toHaveText("Accendi", { timeout: 20_000 });

    // Delete: the name typed in the Italian dialog.
    await expect(page.getByTestId("delete-button")).toBeEnabled({ timeout: 30_000 });
    await page.getByTestId("delete-button").click();
    const dialog = page.getByTestId("delete-dialog");
    await expect(dialog).toContainText("Per confermare, scrivi il nome del server");
    await dialog.getByLabel("Nome del server", { exact: true }).fill(name);
    await dialog.getByTestId("delete-confirm").click();
    await expect(page).toHaveURL(/\/servers$/);
    await expect(page.getByTestId("toast").filter({ hasText: `Eliminazione di ${name}` })).toBeVisible();
    await expect(page.getByTestId("toast").filter({ hasText: `${name} è stato eliminato` })).toBeVisible({ timeout: 40_000 });
  });
});

test.describe("Italian words from the server", () => {
  test.use({ locale: "it-IT" });
  test.beforeEach(async ({ request }) => simReset(request));

  test("refusals are Italian, with ECS's own words quoted as ECS wrote them", async ({ page }) => {
    // A field error written by a server function.
    await page.goto("/login");
    await waitForHydration(page);
    await page.locator('input[name="username"]').fill(DEMO.username);
    await page.locator('input[name="password"]').fill("not-the-password");
    await page.getByRole("button", { name: "Accedi", exact: true }).click();
    await expect(page.locator('.field-error[data-field="password"]')).toHaveText("Nome utente o password errati.");

    // ECS refuses a locked support plan: the panel's sentence in Italian, ECS's in English.
    await accedi(page, "/servers/ec200405?tab=settings");
    await waitForHydration(page);
    const card = page.getByTestId("support-card");
    await card.getByLabel(/Global/).check();
    await page.getByTestId("support-save").click();
    const refusal = card.getByTestId("refusal");
    await expect(refusal).toContainText("Questo piano di assistenza è bloccato e non si può cambiare.");
    await expect(refusal).toContainText("You cannot edit an immutable support plan");

    // Words the ECS client's conversions write: the power state, the plan family, chart series.
    await page.goto("/servers/ec200401");
    await expect(page.getByTestId("power-state")).toHaveText("Acceso");
    await page.goto("/servers/ec200401/metrics");
    await expect(page.locator("body")).toContainText("Letture");
    await expect(page.locator("body")).toContainText("1 ora");
  });
});

test.describe("the language switch", () => {
  test("is remembered in a cookie and wins over the browser's language", async ({ page, context }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await waitForHydration(page);

    await page.getByTestId("language").selectOption("it");
    await expect(page.getByRole("heading", { level: 1, name: "Accedi" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    const cookie = (await context.cookies()).find((c) => c.name === "lang");
    expect(cookie?.value).toBe("it");
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 24 * 3600);

    // A new page, rendered by the server in the chosen language although the browser asks for English.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Accedi" })).toBeVisible();
    await expect(page.getByTestId("language")).toHaveValue("it");

    // Signed in, the choice holds, and switching back is as easy.
    await accedi(page, "/servers");
    await expect(page.getByRole("heading", { level: 1, name: "Server" })).toBeVisible();
    await waitForHydration(page);
    await page.getByTestId("language").selectOption("en");
    await expect(page.getByRole("heading", { level: 1, name: "Servers" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect((await context.cookies()).find((c) => c.name === "lang")?.value).toBe("en");
  });
});
