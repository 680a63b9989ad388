import { formatCount } from '../lib/format';

interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

/** The token columns shared by the ledger and the summary tables. */
export function TokenCells({ row }: { row: TokenCounts }) {
  return (
    <>
      <td className="num" data-label="Input">
        {formatCount(row.inputTokens)}
      </td>
      <td className="num" data-label="Output">
        {formatCount(row.outputTokens)}
      </td>
      <td className="num" data-label="Cache w / r">
        {formatCount(row.cacheCreationInputTokens)} / {formatCount(row.cacheReadInputTokens)}
      </td>
    </>
  );
}
