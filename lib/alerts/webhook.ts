// A JSON POST with a timeout and retries (exponential back-off), for the alert webhook.

export type WebhookOptions = { attempts: number; timeoutMs: number; backoffMs: number };

const DEFAULTS: WebhookOptions = { attempts: 4, timeoutMs: 5000, backoffMs: 500 };

/** True when the receiver answered 2xx within the attempts; 4xx other than 408 and 429 are not retried. */
export async function postWithRetries(url: string, payload: unknown, options: Partial<WebhookOptions> = {}): Promise<boolean> {
  const { attempts, timeoutMs, backoffMs } = { ...DEFAULTS, ...options };
  const body = JSON.stringify(payload);
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "ftz-monitor" },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return true;
      if (response.status < 500 && response.status !== 408 && response.status !== 429) return false;
    } catch {
      // a timeout or a refused connection: try again
    }
    if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
  }
  return false;
}
