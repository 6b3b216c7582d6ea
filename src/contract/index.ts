// Everything a client (the web app, phone and TV apps) shares with the server.
export * from "./errors";
export * from "./avatars";
export * from "./schemas/common";
export * from "./schemas/auth";
export * from "./schemas/profiles";
export * from "./schemas/account";
export * from "./schemas/sessions";
export * from "./schemas/tv-sign-in";
export * from "./schemas/error-body";
export * from "./schemas/two-step";
export * from "./schemas/profile-lock";
export * from "./schemas/recovery";
export * from "./schemas/activity";
export * from "./schemas/sign-in-code";
