// Saves something the page made as a file the browser downloads: a Blob behind an object URL,
// clicked through a temporary <a download>, so no page is left and nothing goes to the server.

/** Some browsers read the URL after click() returns: it is freed once the download has surely begun. */
const FREE_AFTER_MS = 40_000;

export function saveFile(name: string, contents: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), FREE_AFTER_MS);
}
