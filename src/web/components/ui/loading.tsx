// Shown while a page's data is on its way.
import { useT } from "../../lib/i18n";

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      <span>{label ?? t("common.loading.label")}</span>
    </div>
  );
}
