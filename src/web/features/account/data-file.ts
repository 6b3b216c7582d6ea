// The file "Download your data" saves: the account's data as Usher answered it, indented so a
// person can read it, named as the API names it (usher-data-YYYY-MM-DD.json, the day it was
// exported, in UTC).

export interface DataFile {
  name: string;
  contents: string;
  type: "application/json";
}

const DAY = /^\d{4}-\d{2}-\d{2}/;

export function dataFileName(exportedAt: string): string {
  const day = DAY.exec(exportedAt)?.[0];
  return day ? `usher-data-${day}.json` : "usher-data.json";
}

export function dataFile(data: { exportedAt: string }): DataFile {
  return { name: dataFileName(data.exportedAt), contents: `${JSON.stringify(data, null, 2)}\n`, type: "application/json" };
}
