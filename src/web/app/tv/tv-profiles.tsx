// "Who's watching?" on the TV: the account's profiles in one row, moved through with the
// remote's arrows; Enter opens one (a locked one asks for its PIN first).
import { useRef } from "react";
import type { PublicProfile } from "../../../contract/schemas/profiles";
import { Avatar } from "../../components/ui/avatar";
import { useRemoteControl } from "../../features/tv/hooks/use-remote-control";
import { useT } from "../../lib/i18n";

export function TvProfiles({
  profiles,
  preferred,
  busy,
  onChoose,
}: {
  profiles: PublicProfile[];
  /** The profile chosen when this TV was approved, focused first. */
  preferred: string | null;
  busy: boolean;
  onChoose(profile: PublicProfile): void;
}) {
  const t = useT();
  const screen = useRef<HTMLDivElement>(null);
  const ordered = [...profiles].sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred));
  const onKeyDown = useRemoteControl(screen, profiles);

  return (
    <div className="tv-picker" ref={screen}>
      <h1 className="tv-picker__heading">{t("tv.profiles.heading")}</h1>
      {ordered.length === 0 ? (
        <p className="empty">{t("tv.profiles.empty")}</p>
      ) : (
        <ul className="tv-picker__list">
          {ordered.map((profile, col) => (
            <li key={profile.id}>
              <button
                type="button"
                className="tv-tile tv-picker__profile"
                data-row={0}
                data-col={col}
                disabled={busy}
                onKeyDown={onKeyDown}
                onClick={() => onChoose(profile)}
              >
                <Avatar avatar={profile.avatar} />
                <span className="tv-picker__name">{profile.name}</span>
                {profile.isKids && <span className="tag">{t("tv.profiles.kids")}</span>}
                {profile.locked && <span className="tag">{t("tv.profiles.locked")}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
