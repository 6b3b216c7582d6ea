// What a page shows when its data could not be loaded: the reason, and a way to try again.
import { Alert } from "./alert";

export function LoadFailed({ message, onRetry, className }: { message: string; onRetry(): void; className?: string }) {
  return (
    <div className={className}>
      <Alert tone="error">{message}</Alert>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
