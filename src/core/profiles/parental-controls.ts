// Profile & Parental Controls: what one profile may watch (a maturity rating and titles blocked
// by name), the account's "ask for the password to leave a Kids profile", and what the profile
// watched lately. Opening them and every change take the account password, whatever the
// re-authentication window: the browser may already be in a child's hands (the API refuses a
// Kids profile before this is reached). A change is audited, emailed, sent as a webhook, and,
// being a claim of every session watching as the profile, heard by the platform's verifiers
// before it is answered; the profile's streams of titles it may no longer watch end with it.
import type { MaturityRating } from "../../contract/schemas/catalogue";
import { auditEvent } from "../audit/events";
import { allowedRating, mayWatch } from "../catalogue/may-watch";
import { catalogue, findTitle } from "../catalogue/titles";
import type { CoreDeps, RequestContext } from "../deps";
import { writeSecurityNotice } from "../notices/security-notice";
import { checkCurrentPassword } from "../passwords/check-current-password";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import type { StreamActivity } from "../streams/ports";
import { liveSince } from "../streams/streams";
import { inUnitOfWork } from "../unit-of-work";
import type { ProfilePatch, ProfileRecord } from "./ports";
import { profileChangeDetails } from "./profile-change";

/** How many of the profile's latest streams the page lists. */
export const VIEWING_ACTIVITY_SHOWN = 20;

export interface ParentalControlsView {
  profile: ProfileRecord;
  askPasswordToExitKids: boolean;
  viewingActivity: StreamActivity[];
}

export interface ParentalControlsChange {
  currentPassword: string;
  maxRating?: MaturityRating;
  restrictedTitleIds?: string[];
  askPasswordToExitKids?: boolean;
}

type PasswordFailure = "WRONG_PASSWORD" | "RATE_LIMITED" | "UNAUTHENTICATED";

/** The profile's controls, given the account password. */
export async function openParentalControls(
  deps: CoreDeps,
  session: SessionRecord,
  profileId: string,
  currentPassword: string,
  context: RequestContext,
): Promise<Result<ParentalControlsView, PasswordFailure | "PROFILE_NOT_FOUND">> {
  const checked = await checkCurrentPassword(deps, session.accountId, currentPassword, context);
  if (!checked.ok) return checked;
  const profile = await deps.stores.profiles.find(session.accountId, profileId);
  if (!profile) return fail("PROFILE_NOT_FOUND");
  return ok(await viewOf(deps, profile));
}

/** Changes the profile's rating, blocked titles or the account's Exit Kids setting, given the account password. */
export async function updateParentalControls(
  deps: CoreDeps,
  session: SessionRecord,
  profileId: string,
  change: ParentalControlsChange,
  context: RequestContext,
): Promise<Result<ParentalControlsView, PasswordFailure | "PROFILE_NOT_FOUND" | "KIDS_RATING_TOO_HIGH" | "UNKNOWN_TITLE">> {
  const restrictedTitles = change.restrictedTitleIds && inCatalogueOrder(change.restrictedTitleIds);
  if (restrictedTitles === null) return fail("UNKNOWN_TITLE");
  const checked = await checkCurrentPassword(deps, session.accountId, change.currentPassword, context);
  if (!checked.ok) return checked;
  const changed = await inUnitOfWork(deps, async (stores) => {
    // The account lock a stream's start takes too: a start racing this change sees the new limits, or is ended here.
    await stores.accounts.lockForUpdate(session.accountId);
    const profiles = await stores.profiles.listByAccount(session.accountId);
    const before = profiles.find((p) => p.id === profileId);
    if (!before) return fail("PROFILE_NOT_FOUND");
    if (change.maxRating && !allowedRating(before.isKids, change.maxRating)) return fail("KIDS_RATING_TOO_HIGH");
    const patch: ProfilePatch = {
      ...(change.maxRating && change.maxRating !== before.maxRating && { maxRating: change.maxRating }),
      ...(restrictedTitles && !sameTitles(restrictedTitles, before.restrictedTitles) && { restrictedTitles }),
    };
    const asked = await stores.profiles.asksPasswordToExitKids(session.accountId);
    const askChanged = change.askPasswordToExitKids !== undefined && change.askPasswordToExitKids !== asked;
    if (Object.keys(patch).length === 0 && !askChanged) return ok(before);
    const updated = await stores.profiles.update(session.accountId, profileId, patch);
    if (typeof updated !== "object") return fail("PROFILE_NOT_FOUND");
    if (askChanged) await stores.profiles.setAskPasswordToExitKids(session.accountId, change.askPasswordToExitKids!);
    const at = deps.clock.now();
    for (const live of await stores.streams.listLive(session.accountId, liveSince(deps))) {
      const title = findTitle(live.titleId);
      if (!title || mayWatch(updated, title)) continue;
      const stream = await stores.streams.find(session.accountId, live.streamId);
      if (stream?.profileId === profileId) await stores.streams.end(stream.id, at, "restricted");
    }
    await stores.audit.record(
      auditEvent("parental_controls_changed", { accountId: session.accountId, sessionId: session.id }, context, at, {
        ...profileChangeDetails(profiles, session, before),
        ...ratingChange(before, updated),
        ...blockChanges(before.restrictedTitles, updated.restrictedTitles),
        ...(askChanged && { askPasswordToExitKids: change.askPasswordToExitKids }),
      }),
    );
    await writeSecurityNotice(
      stores,
      checked.value,
      { template: "parental_controls_changed", payload: { profile: before.name, at: at.toISOString() } },
      at,
    );
    return ok(updated);
  });
  if (!changed.ok) return changed;
  return ok(await viewOf(deps, changed.value));
}

async function viewOf(deps: CoreDeps, profile: ProfileRecord): Promise<ParentalControlsView> {
  const [askPasswordToExitKids, viewingActivity] = await Promise.all([
    deps.stores.profiles.asksPasswordToExitKids(profile.accountId),
    deps.stores.streams.listActivity(profile.accountId, new Date(0), VIEWING_ACTIVITY_SHOWN, undefined, profile.id),
  ]);
  return { profile, askPasswordToExitKids, viewingActivity };
}

/** The ids once each, in catalogue order; null when one isn't in the catalogue. */
function inCatalogueOrder(ids: readonly string[]): string[] | null {
  const wanted = new Set(ids);
  const known = catalogue.filter((title) => wanted.has(title.id)).map((title) => title.id);
  return known.length === wanted.size ? known : null;
}

const sameTitles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

const ratingChange = (before: ProfileRecord, after: ProfileRecord) =>
  before.maxRating === after.maxRating ? {} : { ratingFrom: before.maxRating, ratingTo: after.maxRating };

/** Titles blocked and unblocked, by name, as the owner reads them in Account activity ("Moon Bakery, Cold Ledger"). */
function blockChanges(before: readonly string[], after: readonly string[]): Record<string, string> {
  const names = (ids: string[]) => ids.map((id) => findTitle(id)?.name ?? id).join(", ");
  const blocked = after.filter((id) => !before.includes(id));
  const unblocked = before.filter((id) => !after.includes(id));
  return { ...(blocked.length > 0 && { blocked: names(blocked) }), ...(unblocked.length > 0 && { unblocked: names(unblocked) }) };
}
