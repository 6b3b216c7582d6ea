// The avatars a profile can wear. The web app draws them; the API only names them.
export const avatarIds = ["sunrise", "ocean", "forest", "comet", "ember", "orchid", "glacier", "meadow"] as const;

export type AvatarId = (typeof avatarIds)[number];
