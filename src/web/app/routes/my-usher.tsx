// Placeholder: being built.
export default function MyUsherPage() {
  return <main id="main" className="page"><h1>my-usher</h1></main>;
}
