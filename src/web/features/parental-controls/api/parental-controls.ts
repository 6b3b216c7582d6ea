// Profile & Parental Controls of one profile: opening them and every change carry the account
// password, every time (a wrong one is refused with WRONG_PASSWORD), whatever the
// re-authentication window: the browser may be in a child's hands by now.
import type { ParentalControls } from "../../../../contract/schemas/parental-controls";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type { ParentalControls };

/** The settings that may change together; at least one of them is sent. */
export interface ParentalControlsChange {
  maxRating?: ParentalControls["maxRating"];
  /** The whole new list of blocked titles, not a difference. */
  restrictedTitleIds?: string[];
  /** Account-wide: leaving any Kids profile asks for the account password. */
  askPasswordToExitKids?: boolean;
}

export const openParentalControls = async (profileId: string, currentPassword: string): Promise<ParentalControls> =>
  (
    await call(() =>
      usher.POST("/api/v1/profiles/{id}/parental-controls/open", { params: { path: { id: profileId } }, body: { currentPassword } }),
    )
  ).parentalControls;

export const updateParentalControls = async (
  profileId: string,
  currentPassword: string,
  change: ParentalControlsChange,
): Promise<ParentalControls> =>
  (
    await call(() =>
      usher.PATCH("/api/v1/profiles/{id}/parental-controls", { params: { path: { id: profileId } }, body: { currentPassword, ...change } }),
    )
  ).parentalControls;
