// What the TV shows instead of playing a title the profile may not watch (the API answered
// TITLE_RESTRICTED: its maturity rating or the profile's parental controls keep it out). Back
// returns to the titles; there is no Try again, which would be refused the same.
import { useRef } from "react";
import { useBackKey } from "../hooks/use-back-key";
import { useRemoteControl } from "../hooks/use-remote-control";

export function TitleRestricted({ titleName, onBack }: { titleName: string; onBack(): void }) {
  const screen = useRef<HTMLDivElement>(null);
  const onKeyDown = useRemoteControl(screen, titleName);
  useBackKey(onBack);

  return (
    <div className="tv-message" ref={screen} role="alert">
      <h1 className="tv-message__heading">This title isn't available on this profile</h1>
      <p>
        <strong>{titleName}</strong> can't play here: its maturity rating or this profile's parental controls keep it out. Choose something
        else to watch.
      </p>
      <div className="tv-message__actions">
        <button type="button" className="tv-tile tv-message__action" data-row={0} data-col={0} onKeyDown={onKeyDown} onClick={onBack}>
          Back
        </button>
      </div>
    </div>
  );
}
