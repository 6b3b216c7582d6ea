// How many profiles an account may hold. The API's own limit is `maxProfilesPerAccount` in
// contract/schemas/profiles.ts; that module brings zod with it, so the number is repeated
// here for the browser, and the API's PROFILE_LIMIT_REACHED answer still has the last word.
export const MAX_PROFILES = 5;
