// The time zones to choose from: every IANA zone this browser knows, with the account's own and
// this device's first, named as people read them ("America/Mexico City").

/** This device's time zone. */
export const deviceTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function timeZoneChoices(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([current, deviceTimeZone(), "UTC", ...known])];
}

export const timeZoneName = (timeZone: string): string => timeZone.replaceAll("_", " ");
