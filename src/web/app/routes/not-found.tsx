// Placeholder: being built.
export default function NotFoundPage() {
  return <main id="main" className="page"><h1>not-found</h1></main>;
}
