// What a page shows when its data could not be loaded: the reason, and a way to try again.
import { useT } from "../../lib/i18n";
import { Alert } from "./alert";

export function LoadFailed({ message, onRetry, className }: { message: string; onRetry(): void; className?: string }) {
  const t = useT();
  return (
    <div className={className}>
      <Alert tone="error">{message}</Alert>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t("common.loadFailed.retry")}
      </button>
    </div>
  );
}
