// How an SMS provider's HTTP answer is judged: 2xx accepted; 408, 429 and 5xx worth another
// try; any other 4xx (a malformed number, bad credentials) never going to work.
import { PermanentDeliveryError } from "../../core/delivery/senders";

export async function judgeAnswer(provider: string, response: Response): Promise<void> {
  if (response.ok) return;
  // A short excerpt of the provider's words helps the operator; the message itself is never echoed here.
  const excerpt = (await response.text().catch(() => "")).slice(0, 200);
  const message = `${provider} answered ${response.status}${excerpt ? `: ${excerpt}` : ""}`;
  if (response.status === 408 || response.status === 429 || response.status >= 500) throw new Error(message);
  throw new PermanentDeliveryError(message);
}
