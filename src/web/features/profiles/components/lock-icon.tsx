// The padlock worn by a locked profile, in the picker, the menus and Manage profiles. The
// drawing is decoration; `label` ("Locked") is what screen readers hear with the name.
export function LockIcon({ label }: { label?: string }) {
  return (
    <>
      <svg className="lock-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
        <rect x="5" y="10.5" width="14" height="10" rx="2" />
        <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
      </svg>
      {label && <span className="visually-hidden">{label}</span>}
    </>
  );
}
