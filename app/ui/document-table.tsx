/**
 * A document's table (the receipt, a credit note) that stays within a phone's width: below 640 px
 * the middle columns go under the first cell, each with its column's label; printed and on a
 * desktop, every column shows.
 */
export type DocumentTableData = { columns: ReadonlyArray<{ label: string; align: "left" | "right" }>; rows: string[][]; total: string[] };

export function DocumentTable({ table, caption, testId }: { table: DocumentTableData; caption: string; testId: string }) {
  const last = table.columns.length - 1;
  // "Quantité : 2 · Prix unitaire TTC : 2,50 €": each hidden cell with its column's label.
  const phoneSummary = (cells: string[]) =>
    cells
      .slice(1, last)
      .map((value, index) => (value === "" ? null : `${table.columns[index + 1]?.label} : ${value}`))
      .filter((part) => part !== null)
      .join(" · ");
  return (
    <table className="mt-3 w-full border-collapse text-left text-sm sm:text-base" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-400">
          {table.columns.map((column, index) => (
            <th key={column.label} scope="col" className={`p-2 font-semibold ${column.align === "right" ? "text-right" : ""} ${index > 0 && index < last ? "hidden sm:table-cell" : ""}`}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, rowIndex) => (
          <tr key={rowIndex} className="border-b border-slate-200 align-top">
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row" className="p-2 font-normal">
                  {cell}
                  <span className="block text-slate-700 sm:hidden">
                    {phoneSummary(row)}
                  </span>
                </th>
              ) : (
                <td key={index} className={`whitespace-nowrap p-2 ${table.columns[index]?.align === "right" ? "text-right" : ""} ${index < last ? "hidden sm:table-cell" : ""}`}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="font-bold">
          {table.total.map((cell, index) => (
            <td key={index} className={`p-2 ${index > 0 ? "whitespace-nowrap" : ""} ${table.columns[index]?.align === "right" ? "text-right" : ""} ${index > 0 && index < last ? "hidden sm:table-cell" : ""}`}>
              {cell}
              {/* On a phone the hidden columns' totals (net, VAT) are said under the first cell, as in the rows. */}
              {index === 0 && phoneSummary(table.total) !== "" ? (
                <span className="block font-normal text-slate-700 sm:hidden">
                  {phoneSummary(table.total)}
                </span>
              ) : null}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
