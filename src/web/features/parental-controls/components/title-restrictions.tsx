// Profile & Parental Controls → Title restrictions: titles blocked on the profile whatever their
// rating. Block and Unblock save at once (the whole new list, with the account password) and say
// what they did; the keyboard then stays where the next step is.
import { useRef, useState } from "react";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { useT } from "../../../lib/i18n";
import type { ParentalControls, ParentalControlsChange } from "../api/parental-controls";
import { BlockedTitles } from "./blocked-titles";
import type { Title } from "./title-item";
import { TitleSearch } from "./title-search";

interface TitleRestrictionsProps {
  controls: ParentalControls;
  /** Sends the change with the account password; resolves with the settings as saved. */
  onChange(change: ParentalControlsChange): Promise<ParentalControls>;
}

export function TitleRestrictions({ controls, onChange }: TitleRestrictionsProps) {
  const t = useT();
  const [query, setQuery] = useState("");
  const [notice, setNotice] = useState<string>();
  // A refused password takes the page back to asking for it: nothing to say here.
  const save = useSubmission({ fallback: t("profiles.titleRestrictions.failed"), at: { WRONG_PASSWORD: null } });
  const searchBox = useRef<HTMLDivElement>(null);
  const blockedHeading = useRef<HTMLHeadingElement>(null);
  const name = controls.profileName;
  const blockedIds = controls.restrictedTitles.map((title) => title.id);

  async function change(restrictedTitleIds: string[], done: string): Promise<boolean> {
    if (save.pending) return false;
    setNotice(undefined);
    const saved = await save.run(() => onChange({ restrictedTitleIds }));
    if (saved.ok) setNotice(done);
    return saved.ok;
  }

  async function block(title: Title) {
    if (await change([...blockedIds, title.id], t("profiles.titleRestrictions.blocked", { title: title.name, name }))) {
      searchBox.current?.querySelector("input")?.focus();
    }
  }

  async function unblock(title: Title) {
    const others = blockedIds.filter((id) => id !== title.id);
    if (await change(others, t("profiles.titleRestrictions.unblocked", { title: title.name, name }))) blockedHeading.current?.focus();
  }

  return (
    <>
      <p className="parental__lead">{t("profiles.titleRestrictions.lead", { name })}</p>
      {notice && <Alert tone="success">{notice}</Alert>}
      {save.errors.form && <Alert tone="error">{save.errors.form}</Alert>}
      <TitleSearch
        titles={controls.titles}
        blockedIds={blockedIds}
        query={query}
        onQuery={setQuery}
        onBlock={(title) => void block(title)}
        busy={save.pending}
        boxRef={searchBox}
      />
      <BlockedTitles
        titles={controls.restrictedTitles}
        onUnblock={(title) => void unblock(title)}
        busy={save.pending}
        headingRef={blockedHeading}
      />
    </>
  );
}
