// A profile's avatar: a drawn character on one of Usher's gradients. Decorative: the profile's
// name is always printed beside it.
import type { AvatarId } from "../../../contract/avatars";
import { avatarArt } from "./avatar-art";

export function Avatar({ avatar, size = "large" }: { avatar: AvatarId; size?: "small" | "large" }) {
  return (
    <span className={`avatar avatar--${avatar} avatar--${size}`} aria-hidden="true">
      <svg className="avatar__art" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
        {avatarArt[avatar]}
      </svg>
    </span>
  );
}
