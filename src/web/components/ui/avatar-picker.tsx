// Choose a profile's avatar: a radio group of Usher's drawn characters (arrow keys move
// between them), each labelled with its name (Sunrise, Ocean…) beside the drawing.
import { useId } from "react";
import { type AvatarId, avatarIds } from "../../../contract/avatars";
import { useT } from "../../lib/i18n";
import { Avatar } from "./avatar";

export function AvatarPicker({ value, onChange, legend }: { value: AvatarId; onChange(avatar: AvatarId): void; legend?: string }) {
  const t = useT();
  const group = useId();
  return (
    <fieldset className="avatar-picker">
      <legend>{legend ?? t("common.avatarPicker.legend")}</legend>
      <div className="avatar-picker__options">
        {avatarIds.map((avatar) => (
          <div className="avatar-picker__option" key={avatar}>
            <input
              type="radio"
              className="avatar-picker__input"
              id={`${group}-${avatar}`}
              name={group}
              value={avatar}
              checked={value === avatar}
              onChange={() => onChange(avatar)}
            />
            <label htmlFor={`${group}-${avatar}`} className="avatar-picker__label">
              <Avatar avatar={avatar} size="small" />
              <span className="avatar-picker__name">{t(`common.avatar.${avatar}`)}</span>
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
