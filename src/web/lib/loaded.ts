// What a page's loader hands its page: the data, or why it couldn't be loaded, in words. A
// failed load is a value, not a thrown error, so the page keeps its frame and says so with a
// Try again (which revalidates) instead of giving way to the error page.
import { failureMessage, isSessionLost } from "./api-client";
import { type MessageId, t } from "./i18n";

export type Loaded<T> = { ok: true; data: T } | { ok: false; message: string };

/**
 * `load`'s answer as a Loaded, with `failed`'s words when it failed. A lost session is thrown on: the signed-in layout's loader,
 * run alongside every page's, sends the user to sign in.
 */
export async function loaded<T>(load: Promise<T>, failed: MessageId): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await load };
  } catch (error) {
    if (isSessionLost(error)) throw error;
    // Worded once the load has failed: by then the signed-in layout shows the profile's language.
    return { ok: false, message: failureMessage(error, t(failed)) };
  }
}
