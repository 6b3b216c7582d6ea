// Every change to a profile lock takes the account password, however recently it was typed on
// this device (it may have changed hands since); each place asks for it in the same words.
import { t } from "../../../lib/i18n";

export const lockPassword = () =>
  ({
    label: t("profiles.lockPassword.label"),
    hint: t("profiles.lockPassword.hint"),
    missing: t("profiles.lockPassword.missing"),
  }) as const;
