/**
 * A bar chart drawn on the server as SVG: no script, no third party. Accessible as WCAG asks of a
 * chart: a heading names it, the SVG is an image labelled by that heading and a description (and
 * carries the title itself for tools that show the SVG alone), and the table behind it follows (a
 * screen reader reads the table; everyone can open it). Colours keep 3:1 against white and each
 * other's neighbours (WCAG 1.4.11); the legend names every series in text.
 */
export type ChartSeries = { label: string; values: number[] };

export type BarChartProps = {
  id: string;
  title: string;
  description: string;
  /** The header of the table's first column (what the categories are: day, hour, fee item). */
  categoryLabel: string;
  categories: string[];
  /** Shorter names for under the axis (e.g. "23.11." for "Mo., 23. Nov."); the table keeps the long ones. */
  axisLabels?: string[] | undefined;
  series: ChartSeries[];
  /** Stacked: the series add up (parts of a whole); grouped: side by side (to compare). */
  mode: 'stacked' | 'grouped';
  format: (value: number) => string;
  /** Counts: the axis steps by whole numbers (no "1.5 no-shows"). */
  wholeNumbers?: boolean | undefined;
  /** A target drawn as a dashed line (e.g. the share of visits by appointment the office aims at). */
  goal?: { value: number; label: string } | undefined;
  tableLabel: string;
};

const palette = ['#1f4e79', '#c55a11', '#2e7d32', '#6a1b9a', '#8c1c13', '#00695c'];
const width = 720;
const height = 260;
const margin = { top: 12, right: 12, bottom: 44, left: 56 };

/** A round upper bound for the axis (1, 2, 2.5 or 5 times a power of ten) and its ticks. */
export function axisTicks(max: number, wholeNumbers = false): number[] {
  if (!(max > 0)) return [0, 1];
  const power = 10 ** Math.floor(Math.log10(max));
  const found = [0.2, 0.25, 0.5, 1, 2].map((f) => f * power).find((s) => max / s <= 5) ?? 2 * power;
  const step = wholeNumbers ? Math.max(1, Math.ceil(found)) : found;
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step / 2; tick += step) ticks.push(Math.round(tick * 1e6) / 1e6);
  if ((ticks.at(-1) ?? 0) < max) ticks.push((ticks.at(-1) ?? 0) + step);
  return ticks;
}

export function BarChart(props: BarChartProps) {
  const { categories, series } = props;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const totals = categories.map((_, i) =>
    props.mode === 'stacked' ? series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0) : Math.max(0, ...series.map((s) => s.values[i] ?? 0)),
  );
  const ticks = axisTicks(Math.max(...totals, props.goal?.value ?? 0, 0), props.wholeNumbers);
  const top = ticks.at(-1) ?? 1;
  const y = (value: number) => margin.top + plotHeight - (Math.max(0, value) / top) * plotHeight;
  const band = plotWidth / Math.max(1, categories.length);
  const barWidth = props.mode === 'stacked' ? band * 0.7 : (band * 0.8) / Math.max(1, series.length);
  // Labels under the axis never overlap: every n-th category, by the longest label's width (about 6.5 units a character at 11 px).
  const axisLabels = props.axisLabels ?? categories;
  const labelWidth = Math.max(1, ...axisLabels.map((label) => label.length)) * 6.5 + 8;
  const labelEvery = Math.max(1, Math.ceil(labelWidth / band));
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  return (
    <figure class="chart" id={props.id}>
      <h3 class="chart-title" id={titleId}>
        {props.title}
      </h3>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} width="100%" preserveAspectRatio="xMidYMid meet">
        <title>{props.title}</title>
        <desc id={descId}>{props.description}</desc>
        {ticks.map((tick) => (
          <g>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke="#d0d0d0" stroke-width="1" />
            <text x={margin.left - 6} y={y(tick) + 4} text-anchor="end" font-size="11" fill="#333">
              {props.format(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, i) => {
          const x0 = margin.left + i * band + (band - (props.mode === 'stacked' ? barWidth : barWidth * series.length)) / 2;
          let base = 0;
          return (
            <g>
              {series.map((s, k) => {
                const value = Math.max(0, s.values[i] ?? 0);
                const x = props.mode === 'stacked' ? x0 : x0 + k * barWidth;
                const from = props.mode === 'stacked' ? base : 0;
                base += props.mode === 'stacked' ? value : 0;
                return value > 0 ? (
                  <rect
                    x={x.toFixed(1)}
                    y={y(from + value).toFixed(1)}
                    width={barWidth.toFixed(1)}
                    height={(y(from) - y(from + value)).toFixed(1)}
                    fill={palette[k % palette.length]}
                  />
                ) : null;
              })}
              {i % labelEvery === 0 ? (
                <text x={(margin.left + (i + 0.5) * band).toFixed(1)} y={height - margin.bottom + 16} text-anchor="middle" font-size="11" fill="#333">
                  {axisLabels[i] ?? category}
                </text>
              ) : null}
            </g>
          );
        })}
        {props.goal ? (
          <g>
            <line
              x1={margin.left}
              x2={width - margin.right}
              y1={y(props.goal.value)}
              y2={y(props.goal.value)}
              stroke="#000"
              stroke-width="1.5"
              stroke-dasharray="6 4"
            />
            <text x={width - margin.right} y={y(props.goal.value) - 4} text-anchor="end" font-size="11" fill="#000">
              {props.goal.label}
            </text>
          </g>
        ) : null}
        <line x1={margin.left} x2={width - margin.right} y1={y(0)} y2={y(0)} stroke="#333" stroke-width="1" />
      </svg>
      <figcaption>
        <ul class="chart-legend">
          {series.map((s, k) => (
            <li>
              <svg width="12" height="12" aria-hidden="true" focusable="false">
                <rect width="12" height="12" fill={palette[k % palette.length]} />
              </svg>{' '}
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
      <details>
        <summary>{props.tableLabel}</summary>
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.categoryLabel}</th>
              {series.map((s) => (
                <th scope="col">{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, i) => (
              <tr>
                <th scope="row">{category}</th>
                {series.map((s) => (
                  <td class="number">{props.format(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
