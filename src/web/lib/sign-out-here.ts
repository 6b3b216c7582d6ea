// What signing out of the device in hand is called: "this browser" on the web, "this device" in
// an app. Said by the device list's own row and by its confirmation.
import type { PublicSession } from "../../contract/schemas/sessions";
import { t } from "./i18n";

export const signOutHereLabel = (kind: PublicSession["deviceKind"]): string =>
  t(kind === "web" ? "common.signOutHere.browser" : "common.signOutHere.device");

/** The confirmation's title: the same words asked, as a whole question ("¿…?" in Spanish). */
export const signOutHereQuestion = (kind: PublicSession["deviceKind"]): string =>
  t(kind === "web" ? "common.signOutHere.browserQuestion" : "common.signOutHere.deviceQuestion");
