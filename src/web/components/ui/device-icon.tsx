// The picture beside a device (the device list, where the account is watching): a browser
// window, a phone or a TV.

/** `kind` is a session's device kind: "web", "mobile" or "tv" (anything else draws a browser window). */
export function DeviceIcon({ kind }: { kind: string }) {
  return (
    <svg className="device__icon" data-kind={kind} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {kind === "mobile" ? (
        <>
          <rect x="6.5" y="2.5" width="11" height="19" rx="2.5" />
          <path d="M10.5 18.5h3" />
        </>
      ) : kind === "tv" ? (
        <>
          <rect x="2.5" y="4.5" width="19" height="12" rx="1.5" />
          <path d="M8 20.5h8M12 16.5v4" />
        </>
      ) : (
        <>
          <rect x="2.5" y="4.5" width="19" height="15" rx="1.5" />
          <path d="M2.5 8.5h19M5.5 6.5h.01M8 6.5h.01" />
        </>
      )}
    </svg>
  );
}
