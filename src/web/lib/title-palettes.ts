// The colours a title is drawn in, on its poster and in the player's moving picture: one is
// picked by the title's hash.

/** [sky top, sky bottom, shape, shape 2, highlight] */
export const palettes = [
  ["#1d2b64", "#f8cdda", "#f4b942", "#fff1c1", "#ff8f6b"],
  ["#0f2027", "#2c5364", "#7cc4ff", "#c8f4ff", "#f4b942"],
  ["#3a1c71", "#d76d77", "#ffaf7b", "#ffe3c2", "#2a0f4a"],
  ["#134e5e", "#71b280", "#e9f7c8", "#2f6f4f", "#f2f7a1"],
  ["#41295a", "#2f0743", "#e26ad0", "#ffb3e6", "#9a7bff"],
  ["#232526", "#414345", "#ff6b6b", "#ffb199", "#f1f4fa"],
  ["#0b486b", "#f56217", "#ffd37a", "#1b1400", "#fff1c1"],
  ["#16222a", "#3a6073", "#8fe3b0", "#3aa876", "#d9c2ff"],
  ["#4b134f", "#c94b4b", "#f4b942", "#ffe3c2", "#1b1400"],
  ["#1f4037", "#99f2c8", "#0f2027", "#f1f4fa", "#f4b942"],
] as const;
