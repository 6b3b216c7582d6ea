// What signing out of the device in hand is called: "this browser" on the web, "this device" in
// an app. Said by the device list's own row and by its confirmation.
import type { PublicSession } from "../../contract/schemas/sessions";

export const signOutHereLabel = (kind: PublicSession["deviceKind"]): string =>
  kind === "web" ? "Sign out of this browser" : "Sign out of this device";
