import { test as base, expect } from "@playwright/test";
import { appendFileSync, mkdirSync } from "node:fs";
import { DEMO_API_TOKEN } from "./helpers";

// Secrets that must never come back from the panel: in no page, hydration data, server-function
// answer or script. The canary journey (canary.spec.ts) sends the first two in; the demo token is
// typed into the sign-in form by other journeys.
export const CANARY_TOKEN = "canary-token-5b7d0c3e9f1a4e6c8d2b";
export const CANARY_SECRET = "canary-secret-8e41f2a7c9d05b36";
const SECRETS = [CANARY_TOKEN, CANARY_SECRET, DEMO_API_TOKEN];
// Every hit of the whole run, for the final sweep in `make e2e` (a test may also fail on its own).
const HITS = "test-results/secret-hits.txt";

/// Every journey imports `test` from here: each response the panel sends to the page is read and
/// searched for the secrets above, and a hit fails the journey.
export const test = base.extend<{ secretSweep: void }>({
  secretSweep: [
    async ({ page }, use, info) => {
      const hits: string[] = [];
      const reads: Promise<void>[] = [];
      page.on("response", (res) => {
        reads.push(
          res
            .body()
            .then((body) => {
              const text = body.toString("utf8");
              for (const s of SECRETS) {
                if (text.includes(s)) hits.push(`${res.request().method()} ${new URL(res.url()).pathname}`);
              }
              // URLs too (redirects, `next=`).
              for (const s of SECRETS) if (res.url().includes(s)) hits.push(`URL ${res.url().length} chars`);
            })
            .catch(() => {}), // redirects and aborted loads have no body
        );
      });
      await use();
      await Promise.all(reads);
      // The sweep's own self-test (expected to fail) leaves no record for the final check.
      if (hits.length && info.expectedStatus !== "failed") {
        mkdirSync("test-results", { recursive: true });
        appendFileSync(HITS, `${info.titlePath.join(" › ")}: ${hits.join(", ")}\n`);
      }
      expect(hits, "a secret came back from the panel").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
