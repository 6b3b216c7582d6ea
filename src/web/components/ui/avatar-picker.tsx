// Choose a profile's avatar: a radio group of Usher's drawn characters (arrow keys move
// between them), each labelled with its name (Sunrise, Ocean…) beside the drawing.
import { useId } from "react";
import { type AvatarId, avatarIds } from "../../../contract/avatars";
import { Avatar } from "./avatar";

const avatarName = (id: AvatarId) => id.charAt(0).toUpperCase() + id.slice(1);

export function AvatarPicker({
  value,
  onChange,
  legend = "Avatar",
}: {
  value: AvatarId;
  onChange(avatar: AvatarId): void;
  legend?: string;
}) {
  const group = useId();
  return (
    <fieldset className="avatar-picker">
      <legend>{legend}</legend>
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
              <span className="avatar-picker__name">{avatarName(avatar)}</span>
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
