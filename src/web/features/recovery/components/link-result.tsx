// The page of a link that does its work on opening (verify email, confirm new email): loading,
// then done or why not, in words.
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { Loading } from "../../../components/ui/loading";
import { failureMessage } from "../../../lib/api-client";
import { useT } from "../../../lib/i18n";
import { redeemOnce, takeLinkToken } from "../link-token";

type State<T> = { status: "working" } | { status: "done"; value: T } | { status: "failed"; message: string };

interface LinkResultProps<T> {
  redeem(token: string): Promise<T>;
  working: string;
  done(value: T): ReactNode;
  failed(message: string): ReactNode;
  /** Called once the link did its work (the page may move on). */
  onDone?(value: T): void;
}

export function LinkResult<T>({ redeem, working, done, failed, onDone }: LinkResultProps<T>) {
  const t = useT();
  const [token] = useState(takeLinkToken);
  const [state, setState] = useState<State<T>>(() =>
    token ? { status: "working" } : { status: "failed", message: t("auth.linkResult.incomplete") },
  );
  const whenDone = useRef(onDone);
  whenDone.current = onDone;
  useEffect(() => {
    if (!token) return;
    let current = true;
    redeemOnce(token, redeem).then(
      (value) => {
        if (!current) return;
        setState({ status: "done", value });
        whenDone.current?.(value);
      },
      (error: unknown) => current && setState({ status: "failed", message: failureMessage(error, t("auth.linkResult.failed")) }),
    );
    return () => {
      current = false;
    };
  }, [token, redeem, t]);

  if (state.status === "working") return <Loading label={working} />;
  if (state.status === "done") return <Alert tone="success">{done(state.value)}</Alert>;
  return (
    <>
      <Alert tone="error">{state.message}</Alert>
      {failed(state.message)}
    </>
  );
}
