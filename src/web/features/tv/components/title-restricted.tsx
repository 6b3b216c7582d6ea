// What the TV shows instead of playing a title the profile may not watch (the API answered
// TITLE_RESTRICTED: its maturity rating or the profile's parental controls keep it out). Back
// returns to the titles; there is no Try again, which would be refused the same.
import { useRef } from "react";
import { Message, useT } from "../../../lib/i18n";
import { useBackKey } from "../hooks/use-back-key";
import { useRemoteControl } from "../hooks/use-remote-control";

export function TitleRestricted({ titleName, onBack }: { titleName: string; onBack(): void }) {
  const t = useT();
  const screen = useRef<HTMLDivElement>(null);
  const onKeyDown = useRemoteControl(screen, titleName);
  useBackKey(onBack);

  return (
    <div className="tv-message" ref={screen} role="alert">
      <h1 className="tv-message__heading">{t("tv.titleRestricted.heading")}</h1>
      <p>
        <Message id="tv.titleRestricted.body" values={{ title: titleName }} components={{ 0: <strong /> }} />
      </p>
      <div className="tv-message__actions">
        <button type="button" className="tv-tile tv-message__action" data-row={0} data-col={0} onKeyDown={onKeyDown} onClick={onBack}>
          {t("tv.titleRestricted.back")}
        </button>
      </div>
    </div>
  );
}
