// The profile home on the TV: a featured title across the screen, then rows of the catalogue by
// genre (as the API served it to this profile), walked with the remote's arrows. Enter on a
// title shows what it is about and offers Play (Back returns to the title); the first row
// switches profile, or, on a Kids profile, offers Exit Kids: both lead back to Who's watching?,
// where leaving Kids may take a PIN or the account password.
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import type { PublicProfile } from "../../../contract/schemas/profiles";
import { Avatar } from "../../components/ui/avatar";
import type { Title } from "../../features/catalogue/api/list-titles";
import { Poster } from "../../features/catalogue/components/poster";
import { rowsByGenre } from "../../features/catalogue/rows-by-genre";
import { genreName } from "../../features/catalogue/title-words";
import { useRemoteControl } from "../../features/tv/hooks/use-remote-control";
import { Message, useT } from "../../lib/i18n";

export function TvHome({
  profile,
  titles,
  lastWatched,
  onSwitchProfile,
  onPlay,
}: {
  profile: PublicProfile;
  titles: readonly Title[];
  /** The title just watched: the remote comes back to its Play. */
  lastWatched?: Title | undefined;
  onSwitchProfile(): void;
  onPlay(title: Title): void;
}) {
  const t = useT();
  const screen = useRef<HTMLDivElement>(null);
  const play = useRef<HTMLButtonElement>(null);
  const onKeyDown = useRemoteControl(screen, profile.id);
  const rows = rowsByGenre(titles);
  const [selected, setSelected] = useState<Title | undefined>(lastWatched);
  // The tile the title was chosen from (the featured one, or its tile in a row): Back returns there.
  const chosenFrom = useRef<HTMLElement | null>(null);
  // The same pick as the profile's home on the web: each profile its own.
  const featured = titles[profile.position % titles.length];

  function choose(title: Title, tile: HTMLElement) {
    if (title.id === selected?.id) return play.current?.focus();
    chosenFrom.current = tile;
    setSelected(title);
  }

  // Chosen with OK, a title offers Play: the remote goes there.
  useEffect(() => {
    if (selected) play.current?.focus();
  }, [selected]);

  /** Back from Play: to the title's tile again. */
  function backToTitle(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== "Escape" || !selected) return onKeyDown(event);
    event.preventDefault();
    (chosenFrom.current?.isConnected
      ? chosenFrom.current
      : screen.current?.querySelector<HTMLElement>(`[data-title-id="${selected.id}"]`)
    )?.focus();
  }

  return (
    <div className="tv-home" ref={screen}>
      <header className="tv-home__top">
        <button
          type="button"
          className="tv-tile tv-home__profile"
          data-row={0}
          data-col={0}
          onKeyDown={onKeyDown}
          onClick={onSwitchProfile}
        >
          <Avatar avatar={profile.avatar} size="small" />
          {/* The greeting beside it names the profile: the button says only what it does. */}
          <span className="tv-home__switch">{profile.isKids ? t("tv.home.exitKids") : t("tv.home.switchProfile")}</span>
        </button>
        <p className="tv-home__now" aria-live="polite">
          {selected
            ? t("tv.home.selected", { title: selected.name, kind: selected.kind, year: String(selected.year), blurb: selected.blurb })
            : t("tv.home.greeting", { name: profile.name })}
        </p>
        {selected && (
          <button
            ref={play}
            type="button"
            className="tv-tile tv-home__play"
            data-row={0}
            data-col={1}
            onKeyDown={backToTitle}
            onClick={() => onPlay(selected)}
          >
            <Message id="tv.home.play" values={{ title: selected.name }} components={{ 0: <span className="visually-hidden" /> }} />
          </button>
        )}
      </header>
      {featured && (
        <section className="tv-feature" aria-label={t("tv.home.featured")}>
          <button
            type="button"
            className="tv-tile tv-feature__tile"
            data-row={1}
            data-col={0}
            aria-label={featured.name}
            data-title-id={featured.id}
            onKeyDown={onKeyDown}
            onClick={(event) => choose(featured, event.currentTarget)}
          >
            <Poster title={featured} variant="wide" decorative />
            <span className="tv-feature__text" aria-hidden="true">
              <span className="tv-feature__eyebrow">{t("tv.home.featuredKind", { kind: featured.kind })}</span>
              <span className="tv-feature__name">{featured.name}</span>
              <span className="tv-feature__blurb" dir="auto">
                {featured.blurb}
              </span>
            </span>
          </button>
        </section>
      )}
      {rows.map((row, r) => (
        <section key={row.genre} className="tv-row" aria-label={genreName(row.genre)}>
          <h2 className="tv-row__heading">{genreName(row.genre)}</h2>
          <ul className="tv-row__list">
            {row.titles.map((title, col) => (
              <li key={title.id}>
                <button
                  type="button"
                  className="tv-tile tv-row__title"
                  data-row={r + 2}
                  data-col={col}
                  aria-label={title.name}
                  data-title-id={title.id}
                  onKeyDown={onKeyDown}
                  onClick={(event) => choose(title, event.currentTarget)}
                >
                  <Poster title={title} decorative />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
