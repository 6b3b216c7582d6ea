// Where one profile's Profile & Parental Controls page is: linked from Manage profiles and the Account page.
export const parentalControlsPath = (profileId: string): string => `/profiles/manage/${profileId}/parental-controls`;
