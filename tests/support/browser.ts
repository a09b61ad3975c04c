// A Chromium page for browser tests, with the app's base URL and an axe check.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { CHROMIUM_ARGS, chromiumPath } from "./chromium.ts";

export type BrowserSession = { browser: Browser; context: BrowserContext; page: Page; baseUrl: string; close: () => Promise<void> };

export async function openBrowser(options: { locale?: "en" | "zh"; width?: number; height?: number } = {}): Promise<BrowserSession> {
  const baseUrl = inject("baseUrl");
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    baseURL: baseUrl,
    acceptDownloads: true,
  });
  if (options.locale) await context.addCookies([{ name: "ftz-lang", value: options.locale, url: baseUrl }]);
  const page = await context.newPage();
  return { browser, context, page, baseUrl, close: () => browser.close() };
}
