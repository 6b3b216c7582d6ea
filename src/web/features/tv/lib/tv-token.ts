// Where the simulated TV keeps its session token, as a TV app keeps it in its own storage.
// Only the simulator page reads it; the web app itself never holds a token in script.
const KEY = "usher.tv-simulator.token";

export const tvToken = {
  read: (): string | null => localStorage.getItem(KEY),
  save: (token: string): void => localStorage.setItem(KEY, token),
  forget: (): void => localStorage.removeItem(KEY),
};
