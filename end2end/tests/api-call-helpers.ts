import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "./fixtures";
import { SIM } from "./helpers";

// Shared by the "Show the API call" journeys (api-call*.spec.ts).

/// What "Show the API call" prints in `scope` (a dialog, card or form): method, URL path and JSON
/// body (none for a DELETE). A secret shows as `"'"$VAR"'"` (the shell puts the variable's value
/// in): read back as the string "$VAR", as the shell would with VAR=VAR.
export async function shownCall(scope: Locator) {
  const toggle = scope.getByRole("button", { name: /^(Show|Hide) the API call$/ });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const curl = await scope.getByTestId("curl").innerText();
  expect(curl).toContain('-H "X-APITOKEN: $ECS_TOKEN"');
  const [, method, url] = curl.match(/^curl -X (\w+) '([^']+)'/)!;
  const data = curl.indexOf("--data '");
  const quoted = data < 0 ? null : curl.slice(data + 8, curl.lastIndexOf("'"));
  const text = quoted?.replace(/'"\$(\w+)"'/g, "$$$1").replace(/'\\''/g, "'");
  const body = text == null ? null : JSON.parse(text);
  return { method, path: new URL(url).pathname, body };
}

/// The command as printed (after `shownCall` opened it).
export const curlText = (scope: Locator) => scope.getByTestId("curl").innerText();

/// The simulator's newest request with this method and path.
export async function received(request: APIRequestContext, method: string, path: string) {
  const { requests } = await (await request.get(`${SIM}/__sim/requests`)).json();
  return requests.filter((r: any) => r.method === method && r.path === path).at(-1);
}

/// Waits until the simulator has accepted the call shown, and checks it got that very body.
export async function expectReceived(request: APIRequestContext, shown: { method: string; path: string; body: unknown }) {
  await expect.poll(async () => (await received(request, shown.method, shown.path))?.status ?? 0).toBeGreaterThanOrEqual(200);
  const got = await received(request, shown.method, shown.path);
  expect(got.status).toBeLessThan(300);
  // A call without a body (a DELETE) is logged with none.
  expect(got.body ?? null).toEqual(shown.body);
  return got;
}

/// The simulator keeps a digest of a secret, never the value.
export const sha256 = (text: string) => "sha256:" + createHash("sha256").update(text, "utf8").digest("hex");

export async function advance(request: APIRequestContext, seconds: number) {
  const res = await request.post(`${SIM}/__sim/clock/advance`, { data: { seconds } });
  expect(res.ok()).toBeTruthy();
}

export const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text });
export const card = (page: Page, heading: string) =>
  page.locator("section.card").filter({ has: page.getByRole("heading", { name: heading, exact: true }) });

/// A fresh Ed25519 public key line.
export function freshKey(): string {
  const dir = mkdtempSync(join(tmpdir(), "ecs-panel-key-"));
  try {
    const file = join(dir, "id_ed25519");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "api@laptop", "-f", file]);
    return readFileSync(`${file}.pub`, "utf8").trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
