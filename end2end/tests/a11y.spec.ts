import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { signIn, simReset, waitForHydration } from "./helpers";

// axe-core's WCAG 2.1 A and AA rules on every page, at a desktop's and a phone's width, in the
// light and the dark theme: a serious or critical violation fails the journey, with the rule and
// the first offending elements in the message.
const WIDTHS = [1366, 390];
const THEMES = ["light", "dark"] as const;

const PAGES = [
  "/", "/servers", "/servers/new", "/servers/ec200401", "/servers/ec200401?tab=settings",
  "/servers/ec200401?tab=actions", "/servers/ec200401?tab=snapshots", "/servers/ec200401?tab=networks",
  "/servers/ec200401/metrics", "/actions", "/templates", "/groups", "/networks", "/ssh-keys", "/scripts",
  "/scripts/new", "/plans", "/consumption", "/logs", "/logs/1", "/account", "/audit", "/team", "/nowhere",
];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/// Every width and theme of the page as it stands (no reload: the layout follows the viewport).
async function allViews(page: Page, path: string, found: string[]) {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 900 });
      for (const v of await violations(page)) found.push(`${path} ${width}px ${theme}: ${v}`);
    }
  }
}

// Groups of a few pages, each journey signing in once: one long journey through every page took
// five minutes, near any sensible limit. Traces off: recording each of the hundred axe runs
// doubled the time.
const GROUPS: string[][] = [];
for (let i = 0; i < PAGES.length; i += 6) GROUPS.push(PAGES.slice(i, i + 6));

test.use({ trace: "off" });

test.describe("accessibility", () => {
  test("the sign-in page, at 1366 and 390 px, light and dark, has no serious axe violation", async ({ page, request }) => {
    await simReset(request);
    const found: string[] = [];
    await page.goto("/login");
    await waitForHydration(page);
    await allViews(page, "/login", found);
    expect(found).toEqual([]);
  });

  for (const group of GROUPS) {
    test(`${group.join(", ")}: no serious axe violation at 1366 and 390 px, light and dark`, async ({ page }) => {
      test.setTimeout(180_000);
      const found: string[] = [];
      await signIn(page, "/");
      for (const path of group) {
        await page.setViewportSize({ width: 1366, height: 900 });
        await page.goto(path);
        await waitForHydration(page);
        await allViews(page, path, found);
      }
      expect(found).toEqual([]);
    });
  }

  test("the server page's dialogs have no serious axe violation", async ({ page }) => {
    test.setTimeout(120_000);
    const found: string[] = [];
    await signIn(page, "/servers/ec200401");
    await waitForHydration(page);
    for (const [button, dialog] of [["delete-button", "delete-dialog"], ["power-button", "power-dialog"]]) {
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.getByTestId(button).click();
      await expect(page.getByTestId(dialog)).toBeVisible();
      await page.getByTestId(dialog).getByRole("button", { name: "Show the API call" }).click();
      await allViews(page, `/servers/ec200401 ${dialog}`, found);
      await page.keyboard.press("Escape");
      await expect(page.getByTestId(dialog)).toBeHidden();
    }
    expect(found).toEqual([]);
  });

  // The other dialogs, opened as a person would (none of these sends anything by opening, but the
  // console's, which asks for a key): with their API call shown, every width and theme.
  const DIALOGS: [string, (page: Page) => Promise<void>, string][] = [
    ["/servers/ec200401", (p) => p.getByTestId("console-button").click(), "console-dialog"],
    ["/servers/ec200401?tab=snapshots", (p) => snap(p, "ec200401-SNP-3", "snapshot-rename"), "rename-snapshot-dialog"],
    ["/servers/ec200401?tab=snapshots", (p) => snap(p, "ec200401-SNP-3", "snapshot-delete"), "delete-snapshot-dialog"],
    ["/servers/ec200401?tab=snapshots", (p) => snap(p, "ec200401-SNP-2", "snapshot-restore"), "restore-dialog"],
    ["/servers/ec200401?tab=snapshots", (p) => snap(p, "ec200401-SNP-2", "snapshot-template"), "template-dialog"],
    ["/servers", (p) => bulk(p), "bulk-confirm"],
    ["/networks", (p) => p.locator('[data-testid="network-row"][data-name="net000015"]').getByTestId("network-delete").click(), "delete-network-dialog"],
    ["/templates", (p) => p.locator('[data-testid="template-row"][data-name="ei100001"]').getByTestId("edit-template").click(), "edit-template-dialog"],
    ["/templates", (p) => p.locator('[data-testid="template-row"][data-name="ei100002"]').getByTestId("delete-template").click(), "delete-template-dialog"],
    ["/groups", (p) => p.locator('[data-testid="group-row"][data-name="eg100001"]').getByTestId("delete-group").click(), "delete-group-dialog"],
    ["/ssh-keys", (p) => p.getByTestId("key-row").first().getByRole("button", { name: "Rename" }).click(), "rename-key"],
    ["/ssh-keys", (p) => p.getByTestId("key-row").first().getByRole("button", { name: "Delete" }).click(), "delete-key"],
    ["/scripts", (p) => p.locator('[data-testid="script-row"][data-title="install-nginx"]').getByRole("button", { name: "Delete" }).click(), "delete-script"],
  ];
  const HALF = Math.ceil(DIALOGS.length / 2);
  for (const part of [DIALOGS.slice(0, HALF), DIALOGS.slice(HALF)]) {
    test(`dialogs ${part.map(([, , d]) => d).join(", ")}: no serious axe violation`, async ({ page, request }) => {
      test.setTimeout(180_000);
      await simReset(request);
      const found: string[] = [];
      await signIn(page, "/");
      for (const [path, open, dialog] of part) {
        await page.setViewportSize({ width: 1366, height: 900 });
        await page.goto(path);
        await waitForHydration(page);
        // A list hydrates once its data is in; the server page's and the servers list's buttons
        // with the page.
        if (!["/servers/ec200401", "/servers"].includes(path)) await expect(page.locator('[data-ready="true"]').first()).toBeVisible();
        await open(page);
        const shown = page.getByTestId(dialog);
        await expect(shown).toBeVisible();
        const toggle = shown.getByRole("button", { name: "Show the API call" });
        if (await toggle.count()) await toggle.click();
        await allViews(page, `${path} ${dialog}`, found);
        await page.keyboard.press("Escape");
        await expect(shown).toBeHidden();
      }
      expect(found).toEqual([]);
    });
  }
});

async function snap(page: Page, name: string, button: string) {
  await page.locator(`[data-testid="snapshot-row"][data-name="${name}"]`).getByTestId(button).click();
}

/// Two servers selected, then the bulk bar's Power off.
async function bulk(page: Page) {
  const rows = page.getByTestId("server-row");
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  await page.getByTestId("bulk-bar").getByRole("button", { name: "Power off" }).click();
}
