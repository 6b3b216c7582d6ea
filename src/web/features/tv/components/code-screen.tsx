// The TV's sign-in screen: the code to type on a phone or computer, where to type it, and a
// QR code that opens that page with the code filled in.
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { Message, useT } from "../../../lib/i18n";
import type { DeviceAuthorization } from "../api/device-authorization";

function useQrImage(text: string): string | undefined {
  const [image, setImage] = useState<string>();
  useEffect(() => {
    let current = true;
    // An SVG in a data: URL: no canvas, and nothing the CSP forbids.
    void QRCode.toString(text, { type: "svg", margin: 1, color: { dark: "#0f1522", light: "#ffffff" } }).then((svg) => {
      if (current) setImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      current = false;
    };
  }, [text]);
  return image;
}

export function CodeScreen({ authorization, notice }: { authorization: DeviceAuthorization; notice?: string }) {
  const t = useT();
  const qr = useQrImage(authorization.verificationUriComplete);
  const page = authorization.verificationUri.replace(/^https?:\/\//, "");
  return (
    <div className="tv-code">
      <div className="tv-code__steps">
        <h1 className="tv-code__heading">{t("tv.codeScreen.heading")}</h1>
        {notice && (
          <p className="tv-code__notice" role="status">
            {notice}
          </p>
        )}
        <ol className="tv-code__list">
          <li>
            <Message id="tv.codeScreen.goTo" values={{ page }} components={{ 0: <strong className="tv-code__url" /> }} />
          </li>
          <li>{t("tv.codeScreen.enterCode")}</li>
        </ol>
        {/* A screen reader spells the code out, letter by letter. */}
        <p className="tv-code__code">
          <span className="visually-hidden">{t("tv.codeScreen.spokenCode", { code: authorization.userCode.split("").join(" ") })}</span>
          <span aria-hidden="true" data-testid="tv-user-code">
            {authorization.userCode}
          </span>
        </p>
        <p className="tv-code__waiting">{t("tv.codeScreen.waiting")}</p>
      </div>
      <figure className="tv-code__qr">
        {qr ? <img src={qr} alt={t("tv.codeScreen.qrAlt")} width={220} height={220} /> : null}
        <figcaption>{t("tv.codeScreen.scan")}</figcaption>
      </figure>
    </div>
  );
}
