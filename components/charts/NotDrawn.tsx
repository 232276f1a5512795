// In place of a chart with too few figures to draw: hatched like every "not
// recorded" mark, and saying why. Whether a chart is drawn is decided on the
// server, so this box need not keep the chart's height (nothing moves on hydration).
export function NotDrawn({ children }: { children: React.ReactNode }) {
  return (
    <div className="not-recorded flex min-h-32 items-center justify-center rounded border border-gray-400 p-4 text-center">
      <p className="max-w-md bg-white/90 p-2">
        <span aria-hidden="true">– </span>Not drawn: {children}
      </p>
    </div>
  );
}
