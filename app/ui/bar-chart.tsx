export type Bar = {
  key: string;
  label: string;
  value: number;
  /** The value as read aloud and printed beside the bar ("12,5 kg"). */
  valueText: string;
};

/**
 * Horizontal bars in plain CSS, no chart library: each bar has its label and its number written
 * beside it, so the chart reads the same to a screen reader (the bars themselves are hidden from
 * it), on paper and on a narrow phone. A page gives a table alternative next to it.
 */
export function BarChart({ id, title, bars }: { id: string; title: string; bars: readonly Bar[] }) {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return (
    <figure aria-labelledby={`${id}-title`} className="mt-2">
      <figcaption id={`${id}-title`} className="sr-only">{title}</figcaption>
      <ul className="space-y-2">
        {bars.map((bar) => {
          const percent = max > 0 ? Math.max(bar.value > 0 ? 1 : 0, Math.round((bar.value / max) * 100)) : 0;
          return (
            <li key={bar.key} className="grid grid-cols-[minmax(6rem,10rem)_1fr] items-center gap-x-3 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
              <span className="truncate font-semibold" title={bar.label}>{bar.label}</span>
              <span className="flex items-center gap-2">
                <span aria-hidden="true" className="block min-w-0 flex-1">
                  <span className="block h-5 rounded bg-sea-700 print:border print:border-black print:bg-white" style={{ width: `${percent}%` }} />
                </span>
                <span className="whitespace-nowrap tabular-nums">{bar.valueText}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
