// Placeholder: being built.
export default function WhoIsWatchingPage() {
  return <main id="main" className="page"><h1>who-is-watching</h1></main>;
}
