import type { Child } from 'hono/jsx';

/**
 * A plain table of a staff page: a caption (hidden where the heading above says it), column
 * headers, the rows' cells. With `figures`, the first cell names the row and the others are
 * numbers in the reader's format (— where there is none).
 */
export function DataTable(props: { caption?: string | undefined; captionHidden?: boolean; head: string[]; rows: Child[][]; figures?: { lang: string } }) {
  const figures = props.figures;
  const cell = (value: Child, index: number) => {
    if (!figures) return <td>{value}</td>;
    if (index === 0) return <th scope="row">{value}</th>;
    return <td class="number">{typeof value === 'number' ? value.toLocaleString(figures.lang) : (value ?? '—')}</td>;
  };
  return (
    <table>
      {props.caption ? <caption class={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption> : null}
      <thead>
        <tr>
          {props.head.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((cells) => (
          <tr>{cells.map(cell)}</tr>
        ))}
      </tbody>
    </table>
  );
}
