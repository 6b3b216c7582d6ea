// A profile's avatar: one of Usher's gradients with the profile's initial.
import type { AvatarId } from "../../../contract/avatars";

export function Avatar({ avatar, name, size = "large" }: { avatar: AvatarId; name: string; size?: "small" | "large" }) {
  return (
    <span className={`avatar avatar--${avatar} avatar--${size}`} aria-hidden="true">
      {name.trim().charAt(0).toUpperCase() || "?"}
    </span>
  );
}
